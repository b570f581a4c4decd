<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>see its distribution</source>
        <translation>siehe dessen Paket</translation>
    </message>
    <message>
        <source>{licence} licence.</source>
        <translation>{licence}-Lizenz.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>Buy and manage hosting from your billing panels.</source>
        <translation>Hosting bei Ihren Abrechnungs-Panels kaufen und verwalten.</translation>
    </message>
    <message>
        <source>Licensed under the {licence} licence.</source>
        <translation>Lizenziert unter der {licence}-Lizenz.</translation>
    </message>
    <message>
        <source>Built on (each under its own licence):</source>
        <translation>Aufgebaut auf (jeweils unter eigener Lizenz):</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Components and their licences</source>
        <translation>Komponenten und ihre Lizenzen</translation>
    </message>
    <message>
        <source>Qt for Python (PySide6) is used under the LGPL-3.0: its libraries are separate, replaceable files in the application folder.</source>
        <translation>Qt for Python (PySide6) wird unter der LGPL-3.0 verwendet: Seine Bibliotheken sind eigene, austauschbare Dateien im Programmordner.</translation>
    </message>
    <message>
        <source>Licence…</source>
        <translation>Lizenz…</translation>
    </message>
    <message>
        <source>{app} licence</source>
        <translation>{app}-Lizenz</translation>
    </message>
</context>
<context>
    <name>AccountData</name>
    <message>
        <source>Billing is not available on this panel: it has no Billing Module licence, or its operator has switched billing off.</source>
        <translation>Die Abrechnung ist auf diesem Panel nicht verfügbar: Es hat keine Lizenz für das Billing-Modul, oder der Betreiber hat die Abrechnung abgeschaltet.</translation>
    </message>
    <message>
        <source>Support tickets are not available on this panel: its operator has switched them off.</source>
        <translation>Support-Tickets sind auf diesem Panel nicht verfügbar: Der Betreiber hat sie abgeschaltet.</translation>
    </message>
</context>
<context>
    <name>AccountSession</name>
    <message>
        <source>Sett has no saved login for this account; sign in again.</source>
        <translation>Sett hat für dieses Konto keine gespeicherte Anmeldung; bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Back online: the panel is reachable again.</source>
        <translation>Wieder online: Das Panel ist wieder erreichbar.</translation>
    </message>
    <message>
        <source>Offline: {error} Sett shows the data saved on this computer and reconnects by itself.</source>
        <translation>Offline: {error} Sett zeigt die auf diesem Computer gespeicherten Daten und verbindet sich selbstständig neu.</translation>
    </message>
    <message>
        <source>You are signed out of {account}. {reason}</source>
        <translation>Sie sind von {account} abgemeldet. {reason}</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Rebuild</source>
        <translation>Neu aufbauen</translation>
    </message>
    <message>
        <source>Sync with {host} failed. {headline} {detail}</source>
        <translation>Synchronisierung mit {host} fehlgeschlagen. {headline} {detail}</translation>
    </message>
    <message>
        <source>Sync with {host} failed. {headline}</source>
        <translation>Synchronisierung mit {host} fehlgeschlagen. {headline}</translation>
    </message>
    <message>
        <source>Sync failed unexpectedly: {error}. Details are in the log.</source>
        <translation>Die Synchronisierung ist unerwartet fehlgeschlagen: {error}. Details stehen im Protokoll.</translation>
    </message>
    <message>
        <source>What Sett saved stays readable; signing in syncs again.</source>
        <translation>Was Sett gespeichert hat, bleibt lesbar; nach der Anmeldung wird wieder synchronisiert.</translation>
    </message>
</context>
<context>
    <name>AccountSwitcher</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Add an account (Ctrl+Shift+A)</source>
        <translation>Konto hinzufügen (Strg+Umschalt+A)</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>{name}: {email} at {host}</source>
        <translation>{name}: {email} bei {host}</translation>
    </message>
    <message>
        <source>Account: {name}</source>
        <translation>Konto: {name}</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Opens a menu of your accounts, to switch, add or manage them.</source>
        <translation>Öffnet ein Menü Ihrer Konten, um sie zu wechseln, hinzuzufügen oder zu verwalten.</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>Konto hinzufügen…</translation>
    </message>
    <message>
        <source>Manage accounts…</source>
        <translation>Konten verwalten…</translation>
    </message>
    <message>
        <source>No account yet</source>
        <translation>Noch kein Konto</translation>
    </message>
    <message>
        <source>{email} at {host}</source>
        <translation>{email} bei {host}</translation>
    </message>
    <message>
        <source>{account} — {state}</source>
        <translation>{account} — {state}</translation>
    </message>
    <message>
        <source>Add a panel to begin</source>
        <translation>Fügen Sie ein Panel hinzu, um zu beginnen</translation>
    </message>
    <message>
        <source>{state} · {host}</source>
        <translation>{state} · {host}</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>Enter the panel's address, for example https://panel.example.com</source>
        <translation>Geben Sie die Adresse des Panels ein, zum Beispiel https://panel.example.com</translation>
    </message>
    <message>
        <source>Enter the address without a login (nothing before an @), for example https://panel.example.com: Sett asks for the login next.</source>
        <translation>Geben Sie die Adresse ohne Anmeldedaten ein (nichts vor einem @), zum Beispiel https://panel.example.com: Sett fragt als Nächstes nach der Anmeldung.</translation>
    </message>
    <message>
        <source>Use https:// for a panel that is not on this computer: your password travels to it.</source>
        <translation>Verwenden Sie https:// für ein Panel, das nicht auf diesem Computer läuft: Ihr Passwort wird dorthin übertragen.</translation>
    </message>
    <message>
        <source>The account list {path} is damaged ({error}); move it away to start afresh.</source>
        <translation>Die Kontenliste {path} ist beschädigt ({error}); verschieben Sie sie, um neu zu beginnen.</translation>
    </message>
    <message>
        <source>{email} at {address} is already in your accounts.</source>
        <translation>{email} bei {address} ist bereits in Ihren Konten.</translation>
    </message>
    <message>
        <source>An account needs a name.</source>
        <translation>Ein Konto braucht einen Namen.</translation>
    </message>
    <message>
        <source>That account no longer exists.</source>
        <translation>Dieses Konto existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>Add an account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Panel address</source>
        <translation>Panel-Adresse</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Add a panel account</source>
        <translation>Panel-Konto hinzufügen</translation>
    </message>
    <message>
        <source>Enter the address of the panel where you buy your hosting. Sett checks that it is a billing panel before you sign in.</source>
        <translation>Geben Sie die Adresse des Panels ein, bei dem Sie Ihr Hosting kaufen. Sett prüft vor der Anmeldung, dass es ein Abrechnungs-Panel ist.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>e.g. Work, Personal (optional)</source>
        <translation>z. B. Arbeit, Privat (optional)</translation>
    </message>
    <message>
        <source>Create a key in the panel under Account → API keys. It is shown once; paste it here.</source>
        <translation>Erstellen Sie im Panel unter Konto → API-Schlüssel einen Schlüssel. Er wird nur einmal angezeigt; fügen Sie ihn hier ein.</translation>
    </message>
    <message>
        <source>Email and password</source>
        <translation>E-Mail und Passwort</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Anmelden mit</translation>
    </message>
    <message>
        <source>Account &amp;name</source>
        <translation>Konto&amp;name</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Two-factor code</source>
        <translation>Zwei-Faktor-Code</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Enter the six-digit code from your authenticator app.</source>
        <translation>Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Sign in to {panel}</source>
        <translation>Bei {panel} anmelden</translation>
    </message>
    <message>
        <source>{address} — billing is switched off on this panel; you can add the account anyway.</source>
        <translation>{address} — die Abrechnung ist auf diesem Panel abgeschaltet; Sie können das Konto trotzdem hinzufügen.</translation>
    </message>
    <message>
        <source>Paste the API key you created in the panel.</source>
        <translation>Fügen Sie den API-Schlüssel ein, den Sie im Panel erstellt haben.</translation>
    </message>
    <message>
        <source>That does not look like a panel API key: they start with bp_.</source>
        <translation>Das sieht nicht nach einem Panel-API-Schlüssel aus: Diese beginnen mit bp_.</translation>
    </message>
    <message>
        <source>Checking the key…</source>
        <translation>Schlüssel wird geprüft…</translation>
    </message>
    <message>
        <source>Enter your email and password.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>{email} has two-factor sign-in on. Enter the six-digit code from your authenticator app.</source>
        <translation>{email} nutzt die Zwei-Faktor-Anmeldung. Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>{email} (API key)</source>
        <translation>{email} (API-Schlüssel)</translation>
    </message>
    <message>
        <source>Enter the code as digits, for example 123456.</source>
        <translation>Geben Sie den Code als Ziffern ein, zum Beispiel 123456.</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Wird bestätigt…</translation>
    </message>
    <message>
        <source>The panel answered without a login; it does not look like a billing panel.</source>
        <translation>Das Panel hat ohne Anmeldung geantwortet; es sieht nicht nach einem Abrechnungs-Panel aus.</translation>
    </message>
</context>
<context>
    <name>AllAccounts</name>
    <message>
        <source>The saved data of every account could not be read: {error}</source>
        <translation>Die gespeicherten Daten aller Konten konnten nicht gelesen werden: {error}</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Starting the demo panel with demo data…</source>
        <translation>Das Demo-Panel wird mit Demodaten gestartet…</translation>
    </message>
    <message>
        <source>The demo panel did not start: {error}</source>
        <translation>Das Demo-Panel ist nicht gestartet: {error}</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Starting at login is not available on this system yet: add Sett to your login items yourself.</source>
        <translation>Der Start bei der Anmeldung ist auf diesem System noch nicht verfügbar: Fügen Sie Sett selbst zu Ihren Anmeldeobjekten hinzu.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>BillingDisabledPage</name>
    <message>
        <source>Billing is not available</source>
        <translation>Abrechnung nicht verfügbar</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Billing is not available on {panel}</source>
        <translation>Abrechnung auf {panel} nicht verfügbar</translation>
    </message>
    <message>
        <source>Billing is not available on this panel</source>
        <translation>Abrechnung auf diesem Panel nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>BillingProfileDialog</name>
    <message>
        <source>Billing profile</source>
        <translation>Rechnungsprofil</translation>
    </message>
    <message>
        <source>What {account}'s new invoices print as the buyer. Invoices already issued keep the details they were issued with.</source>
        <translation>Was neue Rechnungen von {account} als Käufer angeben. Bereits ausgestellte Rechnungen behalten die Angaben, mit denen sie ausgestellt wurden.</translation>
    </message>
    <message>
        <source>Leave empty when you buy as a person</source>
        <translation>Leer lassen, wenn Sie als Privatperson kaufen</translation>
    </message>
    <message>
        <source>Street, postcode and town: one line each</source>
        <translation>Straße, Postleitzahl und Ort: je eine Zeile</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message>
        <source>VAT or tax number, e.g. DE123456789</source>
        <translation>USt-IdNr. oder Steuernummer, z. B. DE123456789</translation>
    </message>
    <message>
        <source>Com&amp;pany</source>
        <translation>&amp;Firma</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>A&amp;dresse</translation>
    </message>
    <message>
        <source>C&amp;ountry</source>
        <translation>&amp;Land</translation>
    </message>
    <message>
        <source>&amp;Tax ID</source>
        <translation>Steuer&amp;nummer</translation>
    </message>
    <message>
        <source>Offline: saving the billing profile needs a connection to the panel.</source>
        <translation>Offline: Zum Speichern des Rechnungsprofils wird eine Verbindung zum Panel benötigt.</translation>
    </message>
    <message numerus="yes">
        <source>The address can have at most %n line(s).</source>
        <translation>
            <numerusform>Die Adresse darf höchstens %n Zeile haben.</numerusform>
            <numerusform>Die Adresse darf höchstens %n Zeilen haben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An address line can have at most %n character(s).</source>
        <translation>
            <numerusform>Eine Adresszeile darf höchstens %n Zeichen haben.</numerusform>
            <numerusform>Eine Adresszeile darf höchstens %n Zeichen haben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BillingProfileFeature</name>
    <message>
        <source>Add an account first: the billing profile is kept by its panel.</source>
        <translation>Fügen Sie zuerst ein Konto hinzu: Das Rechnungsprofil wird von dessen Panel gespeichert.</translation>
    </message>
    <message>
        <source>Billing profile saved: new invoices will print it.</source>
        <translation>Rechnungsprofil gespeichert: Neue Rechnungen geben es an.</translation>
    </message>
</context>
<context>
    <name>Body</name>
    <message>
        <source>{where} sent an answer larger than {size} MiB unpacked; a billing panel's answers are far smaller, so Sett stopped reading it.</source>
        <translation>{where} hat eine Antwort geschickt, die entpackt größer als {size} MiB ist; die Antworten eines Abrechnungs-Panels sind weit kleiner, deshalb hat Sett das Lesen abgebrochen.</translation>
    </message>
    <message>
        <source>{where} sent an answer larger than {size} MiB as sent; a billing panel's answers are far smaller, so Sett stopped reading it.</source>
        <translation>{where} hat eine Antwort geschickt, die übertragen größer als {size} MiB ist; die Antworten eines Abrechnungs-Panels sind weit kleiner, deshalb hat Sett das Lesen abgebrochen.</translation>
    </message>
    <message>
        <source>{where}: the panel's answers for one sync or list added up to more than {size} MiB, far more than a billing account holds, so Sett stopped reading them.</source>
        <translation>{where}: Die Antworten des Panels für eine Synchronisierung oder Liste ergaben zusammen mehr als {size} MiB, weit mehr, als ein Abrechnungskonto enthält, daher hat Sett aufgehört, sie zu lesen.</translation>
    </message>
    <message>
        <source>{where} sent its answer packed as '{encoding}', which Sett did not ask for and cannot read.</source>
        <translation>{where} hat die Antwort als „{encoding}“ gepackt geschickt; das hat Sett nicht erbeten und kann es nicht lesen.</translation>
    </message>
    <message>
        <source>{where} sent a packed ({encoding}) answer that cannot be unpacked.</source>
        <translation>{where} hat eine gepackte Antwort ({encoding}) geschickt, die sich nicht entpacken lässt.</translation>
    </message>
</context>
<context>
    <name>CacheError</name>
    <message>
        <source>Could not create the folder for this account's cache ({path}): {error}.</source>
        <translation>Der Ordner für den Zwischenspeicher dieses Kontos ({path}) konnte nicht angelegt werden: {error}.</translation>
    </message>
    <message>
        <source>The cache for this account was written by a newer version of Sett (cache version {version}; this version understands up to {latest}). Update Sett to open it; the file was left unchanged: {path}.</source>
        <translation>Der Zwischenspeicher dieses Kontos wurde von einer neueren Sett-Version geschrieben (Version {version}; diese Version versteht bis {latest}). Aktualisieren Sie Sett, um ihn zu öffnen; die Datei blieb unverändert: {path}.</translation>
    </message>
    <message>
        <source>Could not upgrade the cache for this account ({path}) from version {version} to {latest}: {error}. It was left at version {version}.</source>
        <translation>Der Zwischenspeicher dieses Kontos ({path}) konnte nicht von Version {version} auf {latest} aktualisiert werden: {error}. Er blieb auf Version {version}.</translation>
    </message>
    <message>
        <source>A copy from before the upgrade is at {path}.</source>
        <translation>Eine Kopie von vor der Aktualisierung liegt unter {path}.</translation>
    </message>
    <message>
        <source>Could not open the cache for this account ({path}): {error}.</source>
        <translation>Der Zwischenspeicher dieses Kontos ({path}) konnte nicht geöffnet werden: {error}.</translation>
    </message>
    <message>
        <source>Could not read the cache for this account ({path}): {error}.</source>
        <translation>Der Zwischenspeicher dieses Kontos ({path}) konnte nicht gelesen werden: {error}.</translation>
    </message>
    <message>
        <source>Could not write the cache for this account ({path}): {error}.</source>
        <translation>Der Zwischenspeicher dieses Kontos ({path}) konnte nicht geschrieben werden: {error}.</translation>
    </message>
    <message>
        <source>The cache for this account is damaged and cannot be read: {path}. It can be rebuilt from the panel; the damaged file will be kept beside it.</source>
        <translation>Der Zwischenspeicher dieses Kontos ist beschädigt und kann nicht gelesen werden: {path}. Er kann aus dem Panel neu aufgebaut werden; die beschädigte Datei wird daneben aufbewahrt.</translation>
    </message>
    <message>
        <source>The cache for this account is a folder, not a file: {path}.</source>
        <translation>Der Zwischenspeicher dieses Kontos ist ein Ordner, keine Datei: {path}.</translation>
    </message>
    <message>
        <source>not an SQLite database</source>
        <translation>keine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>bad page size</source>
        <translation>ungültige Seitengröße</translation>
    </message>
    <message numerus="yes">
        <source>the file is cut short: %Ln byte(s) of {expected}</source>
        <translation>
            <numerusform>die Datei ist gekürzt: %Ln Byte von {expected}</numerusform>
            <numerusform>die Datei ist gekürzt: %Ln Bytes von {expected}</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown cache version {version}</source>
        <translation>unbekannte Cache-Version {version}</translation>
    </message>
    <message>
        <source>Could not back up the cache for this account before upgrading it ({path}): {error}. Nothing was changed.</source>
        <translation>Der Zwischenspeicher dieses Kontos konnte vor der Aktualisierung nicht gesichert werden ({path}): {error}. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Could not move the damaged cache aside ({path}): {error}.</source>
        <translation>Der beschädigte Zwischenspeicher konnte nicht beiseitegelegt werden ({path}): {error}.</translation>
    </message>
    <message>
        <source>A {table} row must be a JSON object, got {kind}.</source>
        <translation>Eine Zeile für {table} muss ein JSON-Objekt sein, erhalten: {kind}.</translation>
    </message>
    <message>
        <source>A {table} row has no {fields}; nothing was written.</source>
        <translation>Einer Zeile für {table} fehlt {fields}; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The {table} row {id} cannot be stored: {error}; nothing was written.</source>
        <translation>Die Zeile {id} für {table} kann nicht gespeichert werden: {error}; es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Request cancellation</source>
        <translation>Kündigung beantragen</translation>
    </message>
    <message>
        <source>Immediately: the server stops once the request is approved</source>
        <translation>Sofort: Der Server wird angehalten, sobald der Antrag genehmigt ist</translation>
    </message>
    <message>
        <source>At the end of the period ({date})</source>
        <translation>Zum Ende des Zeitraums ({date})</translation>
    </message>
    <message>
        <source>At the end of the period</source>
        <translation>Zum Ende des Zeitraums</translation>
    </message>
    <message>
        <source>Why are you cancelling? (required)</source>
        <translation>Warum kündigen Sie? (erforderlich)</translation>
    </message>
    <message>
        <source>Cancel {product}</source>
        <translation>{product} kündigen</translation>
    </message>
    <message>
        <source>The panel's operators review each request; you can withdraw it while it is pending.</source>
        <translation>Die Betreiber des Panels prüfen jeden Antrag; solange er offen ist, können Sie ihn zurückziehen.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>Please give a reason: the panel's operators need one to review the request.</source>
        <translation>Bitte geben Sie einen Grund an: Die Betreiber des Panels brauchen ihn, um den Antrag zu prüfen.</translation>
    </message>
    <message>
        <source>The reason is {length} characters long; the panel takes at most 2000.</source>
        <translation>Der Grund ist {length} Zeichen lang; das Panel nimmt höchstens 2000 an.</translation>
    </message>
</context>
<context>
    <name>Cart</name>
    <message>
        <source>The quantity must be a whole number from 1 to {limit}.</source>
        <translation>Die Menge muss eine ganze Zahl von 1 bis {limit} sein.</translation>
    </message>
    <message>
        <source>A cart holds at most {limit} items; check out or remove one first.</source>
        <translation>Ein Warenkorb fasst höchstens {limit} Artikel; bestellen Sie zuerst oder entfernen Sie einen.</translation>
    </message>
    <message>
        <source>This product is no longer sold.</source>
        <translation>Dieses Produkt wird nicht mehr verkauft.</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Credits applied</source>
        <translation>Guthaben angerechnet</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Jetzt fällig</translation>
    </message>
    <message numerus="yes">
        <source>The panel priced %n line(s), this computer {mine}.</source>
        <translation>
            <numerusform>Das Panel hat %n Position berechnet, dieser Computer {mine}.</numerusform>
            <numerusform>Das Panel hat %n Positionen berechnet, dieser Computer {mine}.</numerusform>
        </translation>
    </message>
    <message>
        <source>{line}: {theirs} on the panel, {mine} saved here.</source>
        <translation>{line}: {theirs} im Panel, {mine} hier gespeichert.</translation>
    </message>
</context>
<context>
    <name>CartFeature</name>
    <message>
        <source>Added to your cart ({count} in cart).</source>
        <translation>In den Warenkorb gelegt ({count} im Warenkorb).</translation>
    </message>
    <message>
        <source>Applying a coupon needs a connection to the panel.</source>
        <translation>Zum Einlösen eines Gutscheins ist eine Verbindung zum Panel nötig.</translation>
    </message>
    <message>
        <source>the panel could not be reached</source>
        <translation>das Panel war nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>CartLine</name>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Unknown product</source>
        <translation>Unbekanntes Produkt</translation>
    </message>
    <message>
        <source>Billing cycle</source>
        <translation>Abrechnungszeitraum</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove {product}</source>
        <translation>{product} entfernen</translation>
    </message>
    <message>
        <source>+ {amount} setup</source>
        <translation>+ {amount} Einrichtung</translation>
    </message>
    <message>
        <source>{amount} each</source>
        <translation>je {amount}</translation>
    </message>
</context>
<context>
    <name>CartSection</name>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Your cart is empty</source>
        <translation>Ihr Warenkorb ist leer</translation>
    </message>
    <message>
        <source>Plans you choose in the store will appear here.</source>
        <translation>Tarife, die Sie im Shop auswählen, erscheinen hier.</translation>
    </message>
    <message>
        <source>Browse the store</source>
        <translation>Zum Shop</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>Gutscheincode</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Einlösen</translation>
    </message>
    <message>
        <source>Remove coupon</source>
        <translation>Gutschein entfernen</translation>
    </message>
    <message>
        <source>Use my credit balance</source>
        <translation>Mein Guthaben verwenden</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>Zur Kasse</translation>
    </message>
    <message>
        <source>Coupon {code} applied.</source>
        <translation>Gutschein {code} eingelöst.</translation>
    </message>
    <message>
        <source>This coupon cannot be used.</source>
        <translation>Dieser Gutschein kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Applying a coupon needs a connection to the panel.</source>
        <translation>Zum Einlösen eines Gutscheins ist eine Verbindung zum Panel nötig.</translation>
    </message>
    <message>
        <source>Checking {code}…</source>
        <translation>{code} wird geprüft…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Removed {product} from your cart.</source>
        <translation>{product} wurde aus dem Warenkorb entfernt.</translation>
    </message>
    <message>
        <source>Removed an item from your cart.</source>
        <translation>Ein Artikel wurde aus dem Warenkorb entfernt.</translation>
    </message>
    <message>
        <source>Use my credit balance ({amount})</source>
        <translation>Mein Guthaben verwenden ({amount})</translation>
    </message>
    <message>
        <source>Not enough in stock for this quantity.</source>
        <translation>Für diese Menge ist nicht genug auf Lager.</translation>
    </message>
    <message>
        <source>Checked with the panel before you were signed out.</source>
        <translation>Mit dem Panel geprüft, bevor Sie abgemeldet wurden.</translation>
    </message>
    <message>
        <source>Checked with the panel before the connection was lost.</source>
        <translation>Mit dem Panel geprüft, bevor die Verbindung abbrach.</translation>
    </message>
    <message>
        <source>Updated from the panel.</source>
        <translation>Vom Panel aktualisiert.</translation>
    </message>
    <message>
        <source>The panel's prices differ from the ones saved on this computer (they change at the next sync):
{differences}</source>
        <translation>Die Preise des Panels weichen von den auf diesem Computer gespeicherten ab (sie ändern sich bei der nächsten Synchronisierung):
{differences}</translation>
    </message>
    <message>
        <source>Estimated from the prices saved on this computer (signed out).</source>
        <translation>Geschätzt aus den auf diesem Computer gespeicherten Preisen (abgemeldet).</translation>
    </message>
    <message>
        <source>Estimated from the prices saved on this computer (offline).</source>
        <translation>Geschätzt aus den auf diesem Computer gespeicherten Preisen (offline).</translation>
    </message>
    <message>
        <source>Estimated on this computer: the panel's prices could not be read ({error}).</source>
        <translation>Auf diesem Computer geschätzt: Die Preise des Panels konnten nicht gelesen werden ({error}).</translation>
    </message>
    <message>
        <source>Estimated on this computer; checking with the panel…</source>
        <translation>Auf diesem Computer geschätzt; wird mit dem Panel geprüft…</translation>
    </message>
    <message>
        <source>Your cart is empty.</source>
        <translation>Ihr Warenkorb ist leer.</translation>
    </message>
    <message>
        <source>{reason}; your cart is kept on this computer until then.</source>
        <translation>{reason}; Ihr Warenkorb bleibt bis dahin auf diesem Computer erhalten.</translation>
    </message>
    <message>
        <source>Fix or remove the items marked above first.</source>
        <translation>Korrigieren oder entfernen Sie zuerst die oben markierten Artikel.</translation>
    </message>
    <message>
        <source>Some items are out of stock in the quantity chosen.</source>
        <translation>Einige Artikel sind in der gewählten Menge nicht vorrätig.</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>Card (Stripe)</source>
        <translation>Karte (Stripe)</translation>
    </message>
    <message>
        <source>Account credits</source>
        <translation>Kontoguthaben</translation>
    </message>
    <message>
        <source>What you pay</source>
        <translation>Was Sie bezahlen</translation>
    </message>
    <message>
        <source>Pay on the gateway's page below. Sett reads the result from the panel when you return.</source>
        <translation>Bezahlen Sie unten auf der Seite des Zahlungsanbieters. Sett liest das Ergebnis beim Panel, wenn Sie zurückkehren.</translation>
    </message>
    <message>
        <source>Leave payment…</source>
        <translation>Zahlung verlassen…</translation>
    </message>
    <message>
        <source>Use my account credits first</source>
        <translation>Zuerst mein Kontoguthaben verwenden</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Bezahlen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No payment method is available for this on the panel.</source>
        <translation>Das Panel bietet hierfür keine Zahlungsart an.</translation>
    </message>
    <message>
        <source>Leave the payment?</source>
        <translation>Zahlung verlassen?</translation>
    </message>
</context>
<context>
    <name>CheckoutSession</name>
    <message>
        <source>Checkout</source>
        <translation>Zur Kasse</translation>
    </message>
    <message>
        <source>Pay invoice</source>
        <translation>Rechnung bezahlen</translation>
    </message>
    <message>
        <source>Pay all due</source>
        <translation>Alles Fällige bezahlen</translation>
    </message>
    <message>
        <source>Top up credits</source>
        <translation>Guthaben aufladen</translation>
    </message>
    <message numerus="yes">
        <source>Pay %n invoice(s)</source>
        <translation>
            <numerusform>%n Rechnung bezahlen</numerusform>
            <numerusform>%n Rechnungen bezahlen</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking the panel for the totals…</source>
        <translation>Die Summen werden beim Panel erfragt…</translation>
    </message>
    <message>
        <source>Checkout needs a connection to the panel, and it cannot be reached right now. Nothing was ordered or charged; try again when Sett shows the panel online.</source>
        <translation>Zum Bezahlen ist eine Verbindung zum Panel nötig, und es ist gerade nicht erreichbar. Es wurde nichts bestellt oder berechnet; versuchen Sie es erneut, wenn Sett das Panel als online anzeigt.</translation>
    </message>
    <message>
        <source>Already paid</source>
        <translation>Bereits bezahlt</translation>
    </message>
    <message>
        <source>Credit top-up</source>
        <translation>Guthabenaufladung</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>Offener Betrag</translation>
    </message>
    <message>
        <source>Credits applied</source>
        <translation>Guthaben angerechnet</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Jetzt fällig</translation>
    </message>
    <message>
        <source>Due now, charged to your chosen method</source>
        <translation>Jetzt fällig, berechnet über die gewählte Zahlungsart</translation>
    </message>
    <message>
        <source>{title}: review</source>
        <translation>{title}: Überprüfung</translation>
    </message>
    <message>
        <source>Sorry, {products} is out of stock: remove it from the cart to check out. Nothing was ordered.</source>
        <translation>Leider ist {products} nicht vorrätig: Entfernen Sie es aus dem Warenkorb, um zu bestellen. Es wurde nichts bestellt.</translation>
    </message>
    <message>
        <source>a product in the cart</source>
        <translation>ein Produkt im Warenkorb</translation>
    </message>
    <message>
        <source>An earlier attempt to order this cart got no answer more than 24 hours ago, longer than the panel keeps track of it, so this is sent as a new order. If that attempt made an order, it is in Orders: cancel the one you do not want.</source>
        <translation>Ein früherer Versuch, diesen Warenkorb zu bestellen, blieb vor mehr als 24 Stunden ohne Antwort, länger als das Panel ihn sich merkt. Daher wird dies als neue Bestellung gesendet. Falls jener Versuch eine Bestellung angelegt hat, steht sie unter Bestellungen: Stornieren Sie die, die Sie nicht möchten.</translation>
    </message>
    <message>
        <source>Placing your order…</source>
        <translation>Ihre Bestellung wird aufgegeben…</translation>
    </message>
    <message>
        <source>Starting the payment…</source>
        <translation>Die Zahlung wird gestartet…</translation>
    </message>
    <message>
        <source>Payment page not opened</source>
        <translation>Zahlungsseite nicht geöffnet</translation>
    </message>
    <message>
        <source>This cart was already ordered: an earlier attempt reached the panel, but its answer was lost. The order is in Orders, where you can pay or cancel it.</source>
        <translation>Dieser Warenkorb wurde bereits bestellt: Ein früherer Versuch hat das Panel erreicht, aber seine Antwort ging verloren. Die Bestellung finden Sie unter Bestellungen, wo Sie sie bezahlen oder stornieren können.</translation>
    </message>
    <message>
        <source>{error} The panel may have acted on it: Try again asks about this same attempt, so nothing is ordered or charged twice.</source>
        <translation>{error} Das Panel hat möglicherweise schon gehandelt: „Erneut versuchen“ fragt nach genau diesem Versuch, sodass nichts doppelt bestellt oder berechnet wird.</translation>
    </message>
    <message>
        <source>Checking the payment with the panel…</source>
        <translation>Die Zahlung wird beim Panel geprüft…</translation>
    </message>
    <message>
        <source>Sett could not read the payment from the panel: {error} Its state shows under Invoices after the next sync.</source>
        <translation>Sett konnte die Zahlung nicht beim Panel abfragen: {error} Ihr Stand erscheint nach der nächsten Synchronisierung unter Rechnungen.</translation>
    </message>
    <message>
        <source>Payment state unknown</source>
        <translation>Zahlungsstand unbekannt</translation>
    </message>
    <message>
        <source>View order</source>
        <translation>Bestellung ansehen</translation>
    </message>
    <message>
        <source>Open service</source>
        <translation>Dienst öffnen</translation>
    </message>
    <message>
        <source>View invoice</source>
        <translation>Rechnung ansehen</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Discount ({code})</source>
        <translation>Rabatt ({code})</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Tax ({rate}, included)</source>
        <translation>Steuer ({rate}, enthalten)</translation>
    </message>
    <message>
        <source>Tax ({rate})</source>
        <translation>Steuer ({rate})</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Order invoice</source>
        <translation>Bestellrechnung</translation>
    </message>
    <message>
        <source>Renewal invoice</source>
        <translation>Verlängerungsrechnung</translation>
    </message>
    <message>
        <source>Credit top-up invoice</source>
        <translation>Rechnung für Guthabenaufladung</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ausgestellt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>{product} × {quantity}</source>
        <translation>{product} × {quantity}</translation>
    </message>
    <message numerus="yes">
        <source>{products} + %n more</source>
        <translation>
            <numerusform>{products} + %n weiteres</numerusform>
            <numerusform>{products} + %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <translation>Zahlung ausstehend</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Cancellation approved (at the end of the period)</source>
        <translation>Kündigung genehmigt (zum Ende des Zeitraums)</translation>
    </message>
    <message>
        <source>Cancellation approved (immediately)</source>
        <translation>Kündigung genehmigt (sofort)</translation>
    </message>
    <message>
        <source>Cancellation pending (at the end of the period)</source>
        <translation>Kündigung beantragt (zum Ende des Zeitraums)</translation>
    </message>
    <message>
        <source>Cancellation pending (immediately)</source>
        <translation>Kündigung beantragt (sofort)</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Not provisioned</source>
        <translation>Nicht bereitgestellt</translation>
    </message>
    <message>
        <source>Server status</source>
        <translation>Serverstatus</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Last reply</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Sett hit an unexpected error</source>
        <translation>In Sett ist ein unerwarteter Fehler aufgetreten</translation>
    </message>
    <message>
        <source>Something went wrong inside Sett. What you were doing may not have finished; your accounts and saved data are unharmed.</source>
        <translation>In Sett ist etwas schiefgegangen. Ihre letzte Aktion wurde womöglich nicht abgeschlossen; Ihre Konten und gespeicherten Daten sind unversehrt.</translation>
    </message>
    <message>
        <source>{summary}

The details were written to {path}. If it happens again, please send that file with your report.</source>
        <translation>{summary}

Die Einzelheiten wurden in {path} geschrieben. Wenn es wieder passiert, senden Sie diese Datei bitte mit Ihrer Meldung.</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
</context>
<context>
    <name>CreditsSection</name>
    <message>
        <source>Credits</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Credit balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Credit is applied automatically to new orders and renewals.</source>
        <translation>Guthaben wird automatisch auf neue Bestellungen und Verlängerungen angerechnet.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Top-up amount</source>
        <translation>Aufladebetrag</translation>
    </message>
    <message>
        <source>Top up…</source>
        <translation>Aufladen…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Credit transactions</source>
        <translation>Guthabenbewegungen</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Connect to the panel to see your credit balance.</source>
        <translation>Verbinden Sie sich mit dem Panel, um Ihr Guthaben zu sehen.</translation>
    </message>
    <message>
        <source>Credits are not available</source>
        <translation>Guthaben ist nicht verfügbar</translation>
    </message>
    <message>
        <source>This panel does not keep a credit balance for accounts.</source>
        <translation>Dieses Panel führt kein Guthaben für Konten.</translation>
    </message>
    <message>
        <source>Credit balance {amount}</source>
        <translation>Guthaben {amount}</translation>
    </message>
    <message>
        <source>A top-up of {amount} is waiting for payment: pay it, or cancel it, on its invoice's page.</source>
        <translation>Eine Aufladung über {amount} wartet auf Zahlung: Bezahlen oder stornieren Sie sie auf der Seite ihrer Rechnung.</translation>
    </message>
    <message>
        <source>Open {invoice}</source>
        <translation>{invoice} öffnen</translation>
    </message>
    <message numerus="yes">
        <source>%n top-up(s) are waiting for payment: pay them, or cancel them, on their invoices' pages.</source>
        <translation>
            <numerusform>%n Aufladung wartet auf Zahlung: Bezahlen oder stornieren Sie sie auf der Seite ihrer Rechnung.</numerusform>
            <numerusform>%n Aufladungen warten auf Zahlung: Bezahlen oder stornieren Sie sie auf den Seiten ihrer Rechnungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show unpaid invoices</source>
        <translation>Unbezahlte Rechnungen zeigen</translation>
    </message>
    <message>
        <source>&amp;Open invoice</source>
        <translation>Rechnung ö&amp;ffnen</translation>
    </message>
    <message numerus="yes">
        <source>%n transaction(s)</source>
        <translation>
            <numerusform>%n Buchung</numerusform>
            <numerusform>%n Buchungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No credit transactions yet</source>
        <translation>Noch keine Guthabenbuchungen</translation>
    </message>
    <message>
        <source>Top-ups, refunds to credit and credit spent on invoices will appear here.</source>
        <translation>Aufladungen, Erstattungen auf das Guthaben und für Rechnungen verwendetes Guthaben erscheinen hier.</translation>
    </message>
    <message>
        <source>The saved data could not be read</source>
        <translation>Die gespeicherten Daten konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Reading every account's saved data…</source>
        <translation>Die gespeicherten Daten aller Konten werden gelesen…</translation>
    </message>
    <message>
        <source>Connect to a panel to see your credit balances.</source>
        <translation>Verbinden Sie sich mit einem Panel, um Ihre Guthaben zu sehen.</translation>
    </message>
    <message>
        <source>None of your accounts' panels keeps a credit balance.</source>
        <translation>Keines der Panels Ihrer Konten führt ein Guthaben.</translation>
    </message>
    <message numerus="yes">
        <source>Credit balance · across %n account(s)</source>
        <translation>
            <numerusform>Guthaben · über %n Konto</numerusform>
            <numerusform>Guthaben · über %n Konten</numerusform>
        </translation>
    </message>
    <message>
        <source>{account}: {amount}</source>
        <translation>{account}: {amount}</translation>
    </message>
    <message>
        <source>Enter an amount such as 20 or 20.50.</source>
        <translation>Geben Sie einen Betrag wie 20 oder 20,50 ein.</translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>Geben Sie einen Betrag über null ein.</translation>
    </message>
    <message numerus="yes">
        <source>Use at most %n decimal place(s).</source>
        <translation>
            <numerusform>Verwenden Sie höchstens %n Nachkommastelle.</numerusform>
            <numerusform>Verwenden Sie höchstens %n Nachkommastellen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: topping up needs a connection to the panel.</source>
        <translation>Offline: Zum Aufladen ist eine Verbindung zum Panel nötig.</translation>
    </message>
    <message>
        <source>Topping up needs a connection to the panel (payments never wait in the Outbox)</source>
        <translation>Zum Aufladen ist eine Verbindung zum Panel nötig (Zahlungen warten nie im Postausgang)</translation>
    </message>
    <message>
        <source>Enter the amount to add first</source>
        <translation>Geben Sie zuerst den Betrag ein</translation>
    </message>
</context>
<context>
    <name>Cycles</name>
    <message>
        <source>One-time</source>
        <translation>Einmalig</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Vierteljährlich</translation>
    </message>
    <message>
        <source>Semi-annual</source>
        <translation>Halbjährlich</translation>
    </message>
    <message>
        <source>Annual</source>
        <translation>Jährlich</translation>
    </message>
    <message>
        <source>Biennial</source>
        <translation>Alle zwei Jahre</translation>
    </message>
</context>
<context>
    <name>DashboardCard</name>
    <message>
        <source>{title}: {value}</source>
        <translation>{title}: {value}</translation>
    </message>
    <message>
        <source>{caption}. {opens}</source>
        <translation>{caption}. {opens}</translation>
    </message>
    <message>
        <source>Opens your active services.</source>
        <translation>Öffnet Ihre aktiven Dienste.</translation>
    </message>
    <message>
        <source>Opens your unpaid invoices.</source>
        <translation>Öffnet Ihre unbezahlten Rechnungen.</translation>
    </message>
    <message>
        <source>Opens your overdue invoices.</source>
        <translation>Öffnet Ihre überfälligen Rechnungen.</translation>
    </message>
    <message>
        <source>Opens your services, the next to renew first.</source>
        <translation>Öffnet Ihre Dienste, den als Nächstes zu verlängernden zuerst.</translation>
    </message>
    <message>
        <source>Opens your credit and its history.</source>
        <translation>Öffnet Ihr Guthaben und seinen Verlauf.</translation>
    </message>
</context>
<context>
    <name>DashboardSection</name>
    <message numerus="yes">
        <source>%n suspended</source>
        <translation>
            <numerusform>%n gesperrt</numerusform>
            <numerusform>%n gesperrt</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing suspended</source>
        <translation>Nichts gesperrt</translation>
    </message>
    <message numerus="yes">
        <source>%n unpaid invoice(s)</source>
        <translation>
            <numerusform>%n unbezahlte Rechnung</numerusform>
            <numerusform>%n unbezahlte Rechnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to pay</source>
        <translation>Nichts zu bezahlen</translation>
    </message>
    <message>
        <source>Pay now to keep your services running</source>
        <translation>Jetzt bezahlen, damit Ihre Dienste weiterlaufen</translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>Nichts überfällig</translation>
    </message>
    <message>
        <source>{account}: {active} active · {due} due</source>
        <translation>{account}: {active} aktiv · {due} fällig</translation>
    </message>
    <message>
        <source>{count} overdue</source>
        <translation>{count} überfällig</translation>
    </message>
    <message>
        <source>{amount} credit</source>
        <translation>{amount} Guthaben</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Active services</source>
        <translation>Aktive Dienste</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Fälliger Betrag</translation>
    </message>
    <message>
        <source>Overdue invoices</source>
        <translation>Überfällige Rechnungen</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Nächste Fälligkeit</translation>
    </message>
    <message>
        <source>Credit balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Pay all due…</source>
        <translation>Alles Fällige bezahlen…</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Connect to the panel to see your services, invoices and credit.</source>
        <translation>Verbinden Sie sich mit dem Panel, um Ihre Dienste, Rechnungen und Ihr Guthaben zu sehen.</translation>
    </message>
    <message>
        <source>Welcome back, {name}</source>
        <translation>Willkommen zurück, {name}</translation>
    </message>
    <message>
        <source>{account}: billing is not available on this panel</source>
        <translation>{account}: Die Abrechnung ist auf diesem Panel nicht verfügbar</translation>
    </message>
    <message>
        <source>Last synced {when}</source>
        <translation>Zuletzt synchronisiert: {when}</translation>
    </message>
    <message>
        <source>No renewals scheduled</source>
        <translation>Keine Verlängerungen geplant</translation>
    </message>
    <message>
        <source>Applied automatically to invoices</source>
        <translation>Wird automatisch auf Rechnungen angerechnet</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>Adding up every account's saved data…</source>
        <translation>Die gespeicherten Daten aller Konten werden zusammengerechnet…</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) with saved data (of {total})</source>
        <translation>
            <numerusform>%n Konto mit gespeicherten Daten (von {total})</numerusform>
            <numerusform>%n Konten mit gespeicherten Daten (von {total})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) with saved data</source>
        <translation>
            <numerusform>%n Konto mit gespeicherten Daten</numerusform>
            <numerusform>%n Konten mit gespeicherten Daten</numerusform>
        </translation>
    </message>
    <message>
        <source>Connect to a panel to see your services, invoices and credit.</source>
        <translation>Verbinden Sie sich mit einem Panel, um Ihre Dienste, Rechnungen und Ihr Guthaben zu sehen.</translation>
    </message>
    <message>
        <source>Across every account</source>
        <translation>Über alle Konten</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Demo customer</source>
        <translation>Demo-Kunde</translation>
    </message>
    <message>
        <source>Demo reseller</source>
        <translation>Demo-Wiederverkäufer</translation>
    </message>
    <message>
        <source>The demo panel asked for a two-factor code for {email}.</source>
        <translation>Das Demo-Panel hat für {email} nach einem Zwei-Faktor-Code gefragt.</translation>
    </message>
</context>
<context>
    <name>DueWords</name>
    <message>
        <source>also {amounts} due in another currency</source>
        <translation>außerdem {amounts} fällig in einer anderen Währung</translation>
    </message>
    <message>
        <source>also {amounts} due in other currencies</source>
        <translation>außerdem {amounts} fällig in anderen Währungen</translation>
    </message>
    <message>
        <source>{figure} · {also}</source>
        <translation>{figure} · {also}</translation>
    </message>
</context>
<context>
    <name>ExportButton</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export what the list shows, for your bookkeeping (Ctrl+E)</source>
        <translation>Exportieren, was die Liste zeigt, für Ihre Buchhaltung (Strg+E)</translation>
    </message>
    <message>
        <source>Invoices as CSV or XLSX…</source>
        <translation>Rechnungen als CSV oder XLSX…</translation>
    </message>
    <message>
        <source>Payments of these invoices…</source>
        <translation>Zahlungen dieser Rechnungen…</translation>
    </message>
    <message>
        <source>Credit transactions as CSV or XLSX…</source>
        <translation>Guthabenbewegungen als CSV oder XLSX…</translation>
    </message>
    <message>
        <source>Save all PDFs…</source>
        <translation>Alle PDFs speichern…</translation>
    </message>
</context>
<context>
    <name>ExportCli</name>
    <message>
        <source>{text} is not a date like 2026-01-31</source>
        <translation>{text} ist kein Datum der Form 2026-01-31</translation>
    </message>
    <message>
        <source>Write invoices, their payments, or credit transactions from Sett's saved data (what the last sync brought) to a CSV or XLSX file. CSV is for scripts and spreadsheets: amounts are plain decimals with a '.', dates ISO 8601, statuses the panel's codes (overdue, top_up). XLSX is for reading: statuses in words, dates as your spreadsheet shows dates. Every row names its account and currency, and per-currency totals close the file.</source>
        <translation>Schreibt Rechnungen, ihre Zahlungen oder Guthabenbuchungen aus den von Sett gespeicherten Daten (was die letzte Synchronisierung brachte) in eine CSV- oder XLSX-Datei. CSV ist für Skripte und Tabellenprogramme: Beträge als einfache Dezimalzahlen mit „.“, Daten nach ISO 8601, Status als Codes des Panels (overdue, top_up). XLSX ist zum Lesen: Status in Worten, Daten so, wie Ihr Tabellenprogramm Daten zeigt. Jede Zeile nennt ihr Konto und ihre Währung, und Summen je Währung schließen die Datei ab.</translation>
    </message>
    <message>
        <source>what to export</source>
        <translation>was exportiert wird</translation>
    </message>
    <message>
        <source>the file to write (replaced if it exists)</source>
        <translation>die zu schreibende Datei (wird ersetzt, falls vorhanden)</translation>
    </message>
    <message>
        <source>csv or xlsx (default: from FILE's extension, else csv)</source>
        <translation>csv oder xlsx (Standard: nach der Endung von FILE, sonst csv)</translation>
    </message>
    <message>
        <source>only this account (repeat for several; default: every account)</source>
        <translation>nur dieses Konto (für mehrere wiederholen; Standard: alle Konten)</translation>
    </message>
    <message>
        <source>from this day (YYYY-MM-DD), included</source>
        <translation>ab diesem Tag (JJJJ-MM-TT), einschließlich</translation>
    </message>
    <message>
        <source>to this day (YYYY-MM-DD), included</source>
        <translation>bis zu diesem Tag (JJJJ-MM-TT), einschließlich</translation>
    </message>
    <message>
        <source>only these statuses, as the panel's codes (invoices: paid, pending, overdue, cancelled, refunded; payments: succeeded, pending, failed, ...; credits: the type, e.g. top_up); comma-separated or repeated</source>
        <translation>nur diese Status, als Codes des Panels (Rechnungen: paid, pending, overdue, cancelled, refunded; Zahlungen: succeeded, pending, failed, …; Guthaben: die Art, z. B. top_up); durch Kommas getrennt oder wiederholt</translation>
    </message>
    <message>
        <source>leave out the per-currency total rows</source>
        <translation>die Summenzeilen je Währung weglassen</translation>
    </message>
    <message>
        <source>the data folder Sett was started with (--data-dir)</source>
        <translation>der Datenordner, mit dem Sett gestartet wurde (--data-dir)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>there is no account called {name} (accounts: {names})</source>
        <translation>es gibt kein Konto namens {name} (Konten: {names})</translation>
    </message>
    <message>
        <source>several accounts are called {name}: name one by its id ({ids})</source>
        <translation>mehrere Konten heißen {name}: Nennen Sie eines mit seiner ID ({ids})</translation>
    </message>
    <message>
        <source>cannot use the data folder: {problem}</source>
        <translation>der Datenordner kann nicht verwendet werden: {problem}</translation>
    </message>
    <message>
        <source>no accounts are saved in {folder}: add one in Sett first</source>
        <translation>in {folder} sind keine Konten gespeichert: Fügen Sie zuerst in Sett eines hinzu</translation>
    </message>
    <message>
        <source>note: {name} has never been synced: nothing of it is saved</source>
        <translation>Hinweis: {name} wurde nie synchronisiert: davon ist nichts gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>note: %n invoice(s) left out: their payment history was never read from the panel (open them in Sett once, online)</source>
        <translation>
            <numerusform>Hinweis: %n Rechnung ausgelassen: Ihr Zahlungsverlauf wurde nie vom Panel gelesen (öffnen Sie sie einmal online in Sett)</numerusform>
            <numerusform>Hinweis: %n Rechnungen ausgelassen: Ihr Zahlungsverlauf wurde nie vom Panel gelesen (öffnen Sie sie einmal online in Sett)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %n invoice(s)</source>
        <translation>
            <numerusform>%n Rechnung geschrieben</numerusform>
            <numerusform>%n Rechnungen geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %n payment(s)</source>
        <translation>
            <numerusform>%n Zahlung geschrieben</numerusform>
            <numerusform>%n Zahlungen geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %n credit transaction(s)</source>
        <translation>
            <numerusform>%n Guthabenbuchung geschrieben</numerusform>
            <numerusform>%n Guthabenbuchungen geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %n row(s)</source>
        <translation>
            <numerusform>%n Zeile geschrieben</numerusform>
            <numerusform>%n Zeilen geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{wrote} from %n account(s) to {file}</source>
        <translation>
            <numerusform>{wrote}, aus %n Konto, in {file}</numerusform>
            <numerusform>{wrote}, aus %n Konten, in {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>(totals: {sums})</source>
        <translation>(Summen: {sums})</translation>
    </message>
    <message>
        <source>sett export: interrupted; nothing was written</source>
        <translation>sett export: abgebrochen; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>Aufruf: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>diese Hilfe zeigen und beenden</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>Argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>unbekannte Argumente: %s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>diese Argumente fehlen: %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>erwartet einen Wert</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>ungültige Wahl: %(value)r (möglich sind %(choices)s)</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>ungültiger Wert: %(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>mehrdeutige Option: %(option)s könnte %(matches)s sein</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s</source>
        <translation>%(prog)s: Fehler: %(message)s</translation>
    </message>
</context>
<context>
    <name>Exports</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Account ID</source>
        <translation>Konto-ID</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Invoice ID</source>
        <translation>Rechnungs-ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ausgestellt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>Bezahlt am</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Credits applied</source>
        <translation>Angerechnetes Guthaben</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>Bezahlter Betrag</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>Offener Betrag</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>Zahlungs-ID</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation>Buchungs-ID</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Saldo danach</translation>
    </message>
    <message>
        <source>The disk is full: {path} could not be written.</source>
        <translation>Der Datenträger ist voll: {path} konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Sett may not write to {folder}: choose another folder.</source>
        <translation>Sett darf nicht in {folder} schreiben: Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Der Ordner {folder} existiert nicht.</translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}.</source>
        <translation>{path} konnte nicht geschrieben werden: {reason}.</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Credit transactions</source>
        <translation>Guthabenbewegungen</translation>
    </message>
    <message>
        <source>Nothing to export: the list shows no rows.</source>
        <translation>Nichts zu exportieren: Die Liste zeigt keine Zeilen.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to {path}</source>
        <translation>
            <numerusform>%n Zeile nach {path} exportiert</numerusform>
            <numerusform>%n Zeilen nach {path} exportiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invoice(s) have no payments in the file: their details were never downloaded (open them once while online).</source>
        <translation>
            <numerusform>%n Rechnung hat keine Zahlungen in der Datei: Ihre Details wurden nie heruntergeladen (öffnen Sie sie einmal online).</numerusform>
            <numerusform>%n Rechnungen haben keine Zahlungen in der Datei: Ihre Details wurden nie heruntergeladen (öffnen Sie sie einmal online).</numerusform>
        </translation>
    </message>
    <message>
        <source>The export could not be written: {reason}</source>
        <translation>Der Export konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Add an account first: there are no invoices to save.</source>
        <translation>Fügen Sie zuerst ein Konto hinzu: Es gibt keine Rechnungen zu speichern.</translation>
    </message>
    <message>
        <source>The saved invoices could not be read: {reason}</source>
        <translation>Die gespeicherten Rechnungen konnten nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>No invoice of the period can be saved as a PDF.</source>
        <translation>Keine Rechnung des Zeitraums kann als PDF gespeichert werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n invoice(s) skipped: their details were never downloaded.</source>
        <translation>
            <numerusform>%n Rechnung übersprungen: Ihre Details wurden nie heruntergeladen.</numerusform>
            <numerusform>%n Rechnungen übersprungen: Ihre Details wurden nie heruntergeladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n PDF(s) in {folder}.</source>
        <translation>
            <numerusform>%n PDF in {folder} gespeichert.</numerusform>
            <numerusform>%n PDFs in {folder} gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invoice(s) skipped: their details were never downloaded (open them once while online).</source>
        <translation>
            <numerusform>%n Rechnung übersprungen: Ihre Details wurden nie heruntergeladen (öffnen Sie sie einmal online).</numerusform>
            <numerusform>%n Rechnungen übersprungen: Ihre Details wurden nie heruntergeladen (öffnen Sie sie einmal online).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled before the end.</source>
        <translation>Vor dem Ende abgebrochen.</translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation>Angehalten: {reason}</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name} gespeichert</translation>
    </message>
    <message>
        <source>CSV, for any program (*.csv)</source>
        <translation>CSV, für jedes Programm (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Saving PDFs…</source>
        <translation>PDFs werden gespeichert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save all PDFs</source>
        <translation>Alle PDFs speichern</translation>
    </message>
    <message>
        <source>The period starts ({start}) after it ends ({end}).</source>
        <translation>Der Zeitraum beginnt ({start}) nach seinem Ende ({end}).</translation>
    </message>
</context>
<context>
    <name>FieldNames</name>
    <message>
        <source>body</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>coupon_code</source>
        <translation>Gutscheincode</translation>
    </message>
    <message>
        <source>company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>address_lines</source>
        <translation>Adresszeilen</translation>
    </message>
    <message>
        <source>country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>tax_id</source>
        <translation>Steuernummer</translation>
    </message>
    <message>
        <source>email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>payment_method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>invoice_id</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>invoice_ids</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>service_id</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>items</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>billing_cycle</source>
        <translation>Abrechnungszeitraum</translation>
    </message>
    <message>
        <source>product_id</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>disk</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <source>cpu</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>use_credits</source>
        <translation>Guthaben verwenden</translation>
    </message>
    <message>
        <source>return_url</source>
        <translation>Rückkehr-Adresse</translation>
    </message>
    <message>
        <source>cancel_url</source>
        <translation>Abbruch-Adresse</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>an amount of money with more than {limit} decimals</source>
        <translation>ein Geldbetrag mit mehr als {limit} Nachkommastellen</translation>
    </message>
    <message>
        <source>a number with a fraction</source>
        <translation>eine Zahl mit Nachkommastellen</translation>
    </message>
    <message>
        <source>an id must be a string or a whole number, not {kind}</source>
        <translation>eine ID muss Text oder eine ganze Zahl sein, nicht {kind}</translation>
    </message>
    <message>
        <source>an id must be 1 to {limit} characters</source>
        <translation>eine ID muss 1 bis {limit} Zeichen lang sein</translation>
    </message>
    <message>
        <source>an id cannot be "." or ".." or hold control characters</source>
        <translation>eine ID darf nicht „.“ oder „..“ sein oder Steuerzeichen enthalten</translation>
    </message>
    <message>
        <source>an id cannot be only white space</source>
        <translation>eine ID darf nicht nur aus Leerraum bestehen</translation>
    </message>
    <message>
        <source>not a decimal amount of money</source>
        <translation>kein Geldbetrag in Dezimalschreibweise</translation>
    </message>
    <message>
        <source>not an amount of money: {kind}</source>
        <translation>kein Geldbetrag: {kind}</translation>
    </message>
    <message>
        <source>an amount of money of a trillion or more</source>
        <translation>ein Geldbetrag von einer Billion oder mehr</translation>
    </message>
    <message>
        <source>a negative amount where there cannot be one</source>
        <translation>ein negativer Betrag, wo keiner sein kann</translation>
    </message>
    <message>
        <source>a tax rate outside 0 to 100 percent</source>
        <translation>ein Steuersatz außerhalb von 0 bis 100 Prozent</translation>
    </message>
    <message>
        <source>expected text, not {kind}</source>
        <translation>Text erwartet, nicht {kind}</translation>
    </message>
    <message>
        <source>text longer than {limit} characters</source>
        <translation>Text länger als {limit} Zeichen</translation>
    </message>
    <message>
        <source>a currency code or symbol longer than {limit} characters</source>
        <translation>ein Währungscode oder -symbol mit mehr als {limit} Zeichen</translation>
    </message>
    <message>
        <source>expected a whole number, not {kind}</source>
        <translation>eine ganze Zahl erwartet, nicht {kind}</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>eine ganze Zahl erwartet</translation>
    </message>
    <message>
        <source>expected a whole number of sensible size</source>
        <translation>eine ganze Zahl vernünftiger Größe erwartet</translation>
    </message>
    <message>
        <source>expected an ISO 8601 time as text</source>
        <translation>eine Zeit nach ISO 8601 als Text erwartet</translation>
    </message>
    <message>
        <source>not an ISO 8601 time</source>
        <translation>keine Zeit nach ISO 8601</translation>
    </message>
    <message>
        <source>a time without a zone (Sett will not guess which one)</source>
        <translation>eine Zeit ohne Zeitzone (Sett rät nicht, welche gemeint ist)</translation>
    </message>
    <message>
        <source>a time outside the years 1 to 9999 in UTC</source>
        <translation>eine Zeit außerhalb der Jahre 1 bis 9999 in UTC</translation>
    </message>
    <message>
        <source>expected a date as text</source>
        <translation>ein Datum als Text erwartet</translation>
    </message>
    <message>
        <source>not a YYYY-MM-DD date</source>
        <translation>kein Datum der Form JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>more overdue invoices than open ones (overdue_invoices against pending_invoices)</source>
        <translation>mehr überfällige als offene Rechnungen (overdue_invoices gegenüber pending_invoices)</translation>
    </message>
    <message>
        <source>open invoice counts that do not add up (total_due_invoices and other_currencies_due against pending_invoices)</source>
        <translation>Anzahlen offener Rechnungen, die nicht aufgehen (total_due_invoices und other_currencies_due gegenüber pending_invoices)</translation>
    </message>
    <message>
        <source>a range whose smallest value is above its largest</source>
        <translation>ein Bereich, dessen kleinster Wert über seinem größten liegt</translation>
    </message>
    <message>
        <source>pricing names the billing cycle {cycle} twice, at different prices</source>
        <translation>pricing nennt den Abrechnungszeitraum {cycle} zweimal, mit verschiedenen Preisen</translation>
    </message>
    <message>
        <source>a payment that requires action needs a checkout_url (an http or https address)</source>
        <translation>eine Zahlung, die eine Aktion erfordert, braucht eine checkout_url (eine http- oder https-Adresse)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>{placeholder} ({shortcut})</source>
        <translation>{placeholder} ({shortcut})</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>FilteredTable</name>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Try another status or search.</source>
        <translation>Versuchen Sie einen anderen Status oder Suchbegriff.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
</context>
<context>
    <name>GoTo</name>
    <message>
        <source>Screen</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>Switch to this account</source>
        <translation>Zu diesem Konto wechseln</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
</context>
<context>
    <name>GoToDialog</name>
    <message>
        <source>Go to — Sett</source>
        <translation>Gehe zu — Sett</translation>
    </message>
    <message>
        <source>An invoice number, a service, an order, a ticket, a screen or an account</source>
        <translation>Eine Rechnungsnummer, ein Dienst, eine Bestellung, ein Ticket, eine Ansicht oder ein Konto</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Gehe zu</translation>
    </message>
    <message>
        <source>Enter opens · Up and Down choose · Escape closes</source>
        <translation>Eingabe öffnet · Auf und Ab wählen · Escape schließt</translation>
    </message>
    <message>
        <source>Still reading… Enter opens the first match once everything is read.</source>
        <translation>Wird noch gelesen… Eingabe öffnet den ersten Treffer, sobald alles gelesen ist.</translation>
    </message>
    <message>
        <source>Still reading…</source>
        <translation>Wird noch gelesen…</translation>
    </message>
    <message>
        <source>Nothing here matches “{text}”.</source>
        <translation>Nichts passt zu „{text}“.</translation>
    </message>
</context>
<context>
    <name>Input</name>
    <message>
        <source>“{field}” holds a NUL character (U+0000), which the panel refuses; remove it.</source>
        <translation>„{field}“ enthält ein NUL-Zeichen (U+0000), das das Panel ablehnt; entfernen Sie es.</translation>
    </message>
    <message>
        <source>“{field}” holds a broken character (half of a character pair, as a faulty copy and paste leaves), which the panel refuses; type that part again.</source>
        <translation>„{field}“ enthält ein kaputtes Zeichen (die Hälfte eines Zeichenpaars, wie es fehlerhaftes Kopieren und Einfügen hinterlässt), das das Panel ablehnt; tippen Sie diese Stelle neu.</translation>
    </message>
    <message>
        <source>“{field}” must be one line: remove its line breaks and tabs.</source>
        <translation>„{field}“ muss eine Zeile sein: Entfernen Sie Zeilenumbrüche und Tabulatoren.</translation>
    </message>
    <message>
        <source>“{field}” is empty.</source>
        <translation>„{field}“ ist leer.</translation>
    </message>
    <message>
        <source>“{field}” is {length} characters long; at most {limit} are allowed.</source>
        <translation>„{field}“ ist {length} Zeichen lang; erlaubt sind höchstens {limit}.</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>Gutscheincode</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>{field}, line {number}</source>
        <translation>{field}, Zeile {number}</translation>
    </message>
    <message numerus="yes">
        <source>“{field}” can have at most %n line(s).</source>
        <translation>
            <numerusform>„{field}“ kann höchstens %n Zeile haben.</numerusform>
            <numerusform>„{field}“ kann höchstens %n Zeilen haben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>“{field}” must be a country from the list.</source>
        <translation>„{field}“ muss ein Land aus der Liste sein.</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Steuernummer</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>“{field}” holds characters no panel key has (spaces, accents, line breaks); paste the key exactly as the panel showed it.</source>
        <translation>„{field}“ enthält Zeichen, die kein Panel-Schlüssel hat (Leerzeichen, Akzente, Zeilenumbrüche); fügen Sie den Schlüssel genau so ein, wie das Panel ihn gezeigt hat.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Sign-in step</source>
        <translation>Anmeldeschritt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Saved login</source>
        <translation>Gespeicherte Anmeldung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Billing cycle</source>
        <translation>Abrechnungszeitraum</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Use credits</source>
        <translation>Guthaben verwenden</translation>
    </message>
    <message>
        <source>Return address</source>
        <translation>Rückkehr-Adresse</translation>
    </message>
    <message>
        <source>Cancel address</source>
        <translation>Abbruch-Adresse</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>{field}, item {number}</source>
        <translation>{field}, Position {number}</translation>
    </message>
</context>
<context>
    <name>InvoiceDocument</name>
    <message>
        <source>Tax ID: {tax_id}</source>
        <translation>Steuernummer: {tax_id}</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Bill to</source>
        <translation>Rechnungsempfänger</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Discount ({code})</source>
        <translation>Rabatt ({code})</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Tax {rate} (included)</source>
        <translation>Steuer {rate} (enthalten)</translation>
    </message>
    <message>
        <source>Tax {rate} (added)</source>
        <translation>Steuer {rate} (zuzüglich)</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Paid with credits</source>
        <translation>Mit Guthaben bezahlt</translation>
    </message>
    <message>
        <source>Paid by card or PayPal</source>
        <translation>Per Karte oder PayPal bezahlt</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>Offener Betrag</translation>
    </message>
    <message>
        <source>No payments.</source>
        <translation>Keine Zahlungen.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Issued {date}</source>
        <translation>Ausgestellt am {date}</translation>
    </message>
    <message>
        <source>Due {date}</source>
        <translation>Fällig am {date}</translation>
    </message>
    <message>
        <source>Paid {date}</source>
        <translation>Bezahlt am {date}</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Cycle</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Einzelpreis</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Rechnung {number}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Payment history</source>
        <translation>Zahlungsverlauf</translation>
    </message>
</context>
<context>
    <name>InvoicePage</name>
    <message>
        <source>No tax</source>
        <translation>Keine Steuer</translation>
    </message>
    <message>
        <source>{amount} ({rate}, included in the prices)</source>
        <translation>{amount} ({rate}, in den Preisen enthalten)</translation>
    </message>
    <message>
        <source>{amount} ({rate}, added)</source>
        <translation>{amount} ({rate}, aufgeschlagen)</translation>
    </message>
    <message>
        <source>← All invoices</source>
        <translation>← Alle Rechnungen</translation>
    </message>
    <message>
        <source>Pay…</source>
        <translation>Bezahlen…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF speichern…</translation>
    </message>
    <message>
        <source>Cancel top-up…</source>
        <translation>Aufladung stornieren…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Get help with this</source>
        <translation>Hilfe anfragen</translation>
    </message>
    <message>
        <source>Opens a new support ticket about this invoice.</source>
        <translation>Öffnet ein neues Support-Ticket zu dieser Rechnung.</translation>
    </message>
    <message>
        <source>Invoice lines</source>
        <translation>Rechnungspositionen</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Paid with credits</source>
        <translation>Mit Guthaben bezahlt</translation>
    </message>
    <message>
        <source>Paid by card or PayPal</source>
        <translation>Per Karte oder PayPal bezahlt</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>Offener Betrag</translation>
    </message>
    <message>
        <source>Payment history</source>
        <translation>Zahlungsverlauf</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Question about invoice {number}</source>
        <translation>Frage zur Rechnung {number}</translation>
    </message>
    <message>
        <source>Question about my invoice</source>
        <translation>Frage zu meiner Rechnung</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Rechnung {number}</translation>
    </message>
    <message>
        <source>Issued {date}</source>
        <translation>Ausgestellt am {date}</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>fällig am {date}</translation>
    </message>
    <message>
        <source>paid {date}</source>
        <translation>bezahlt am {date}</translation>
    </message>
    <message>
        <source>{amount} (coupon {code})</source>
        <translation>{amount} (Gutschein {code})</translation>
    </message>
    <message>
        <source>Loading the invoice's details…</source>
        <translation>Die Einzelheiten der Rechnung werden geladen…</translation>
    </message>
    <message>
        <source>No payments yet.</source>
        <translation>Noch keine Zahlungen.</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Bestellung {number}</translation>
    </message>
    <message>
        <source>The lines and payments of this invoice were never downloaded; sign in again to see them.</source>
        <translation>Die Positionen und Zahlungen dieser Rechnung wurden nie heruntergeladen; melden Sie sich erneut an, um sie zu sehen.</translation>
    </message>
    <message>
        <source>The lines and payments of this invoice were never downloaded; connect to the panel to see them.</source>
        <translation>Die Positionen und Zahlungen dieser Rechnung wurden nie heruntergeladen; verbinden Sie sich mit dem Panel, um sie zu sehen.</translation>
    </message>
    <message>
        <source>Available once the invoice's details are downloaded</source>
        <translation>Verfügbar, sobald die Einzelheiten der Rechnung heruntergeladen sind</translation>
    </message>
    <message>
        <source>Offline: paying needs a connection to the panel.</source>
        <translation>Offline: Zum Bezahlen ist eine Verbindung zum Panel nötig.</translation>
    </message>
    <message>
        <source>Cancel the credit top-up {number}? It will no longer be due, and a payment page left open for it will take no payment.</source>
        <translation>Die Guthabenaufladung {number} stornieren? Sie ist dann nicht mehr fällig, und eine noch offene Zahlungsseite nimmt keine Zahlung mehr an.</translation>
    </message>
    <message>
        <source>Cancel the top-up?</source>
        <translation>Aufladung stornieren?</translation>
    </message>
    <message>
        <source>Print invoice</source>
        <translation>Rechnung drucken</translation>
    </message>
    <message>
        <source>Invoice {number}.pdf</source>
        <translation>Rechnung {number}.pdf</translation>
    </message>
    <message>
        <source>Save invoice as PDF</source>
        <translation>Rechnung als PDF speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
</context>
<context>
    <name>InvoicePages</name>
    <message>
        <source>The invoice's details could not be loaded. {reason}</source>
        <translation>Die Einzelheiten der Rechnung konnten nicht geladen werden. {reason}</translation>
    </message>
    <message>
        <source>The top-up {number} is cancelled: it is no longer due.</source>
        <translation>Die Aufladung {number} ist storniert: Sie ist nicht mehr fällig.</translation>
    </message>
    <message>
        <source>The panel cannot cancel this top-up: {reason}</source>
        <translation>Das Panel kann diese Aufladung nicht stornieren: {reason}</translation>
    </message>
    <message>
        <source>The top-up was not cancelled. {reason}</source>
        <translation>Die Aufladung wurde nicht storniert. {reason}</translation>
    </message>
    <message>
        <source>Asking the panel to cancel the top-up…</source>
        <translation>Das Panel wird gebeten, die Aufladung zu stornieren…</translation>
    </message>
    <message>
        <source>The PDF could not be saved: {reason}</source>
        <translation>Das PDF konnte nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>The invoice could not be printed: {reason}</source>
        <translation>Die Rechnung konnte nicht gedruckt werden: {reason}</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>An den Drucker gesendet.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Gespeichert: {path}</translation>
    </message>
</context>
<context>
    <name>InvoicePdf</name>
    <message>
        <source>The printer or file could not be opened.</source>
        <translation>Der Drucker oder die Datei konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Rechnung {number}</translation>
    </message>
    <message>
        <source>Could not write {path}.</source>
        <translation>{path} konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>InvoicesSection</name>
    <message>
        <source>Nothing to pay.</source>
        <translation>Nichts zu bezahlen.</translation>
    </message>
    <message>
        <source>{count} overdue</source>
        <translation>{count} überfällig</translation>
    </message>
    <message>
        <source>{amount} due</source>
        <translation>{amount} fällig</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Search invoices</source>
        <translation>Rechnungen durchsuchen</translation>
    </message>
    <message>
        <source>· {also}</source>
        <translation>· {also}</translation>
    </message>
    <message numerus="yes">
        <source>%n invoice(s)</source>
        <translation>
            <numerusform>%n Rechnung</numerusform>
            <numerusform>%n Rechnungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkOpener</name>
    <message>
        <source>The link {link} names an account that is not in your accounts.</source>
        <translation>Der Link {link} nennt ein Konto, das nicht zu Ihren Konten gehört.</translation>
    </message>
    <message>
        <source>No invoice {id} is in your accounts' data (the link was {link}).</source>
        <translation>Die Rechnung {id} ist in den Daten Ihrer Konten nicht vorhanden (der Link war {link}).</translation>
    </message>
    <message>
        <source>No service {id} is in your accounts' data (the link was {link}).</source>
        <translation>Der Dienst {id} ist in den Daten Ihrer Konten nicht vorhanden (der Link war {link}).</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <source>The link {link} is too long to be a Sett link.</source>
        <translation>Der Link {link} ist zu lang für einen Sett-Link.</translation>
    </message>
    <message>
        <source>{link} is not a link Sett understands.</source>
        <translation>{link} ist kein Link, den Sett versteht.</translation>
    </message>
    <message>
        <source>{link} is not a Sett link (those start with {scheme}://).</source>
        <translation>{link} ist kein Sett-Link (diese beginnen mit {scheme}://).</translation>
    </message>
    <message>
        <source>Sett links open an invoice, a service or an account; {link} asks for {kind}.</source>
        <translation>Sett-Links öffnen eine Rechnung, einen Dienst oder ein Konto; {link} verlangt {kind}.</translation>
    </message>
    <message>
        <source>The link {link} carries more than Sett links do.</source>
        <translation>Der Link {link} enthält mehr als Sett-Links.</translation>
    </message>
    <message>
        <source>The link {link} does not name one {kind} (expected {example}).</source>
        <translation>Der Link {link} nennt nicht genau ein Element vom Typ „{kind}“ (erwartet: {example}).</translation>
    </message>
</context>
<context>
    <name>ListWithPage</name>
    <message>
        <source>No invoices yet</source>
        <translation>Noch keine Rechnungen</translation>
    </message>
    <message>
        <source>Invoices for your orders and renewals will appear here.</source>
        <translation>Rechnungen für Ihre Bestellungen und Verlängerungen erscheinen hier.</translation>
    </message>
    <message>
        <source>Browse the store</source>
        <translation>Zum Shop</translation>
    </message>
    <message>
        <source>Reading every account's saved data…</source>
        <translation>Die gespeicherten Daten aller Konten werden gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>Across %n account(s) (of {total})</source>
        <translation>
            <numerusform>Über %n Konto (von {total})</numerusform>
            <numerusform>Über %n Konten (von {total})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Across %n account(s)</source>
        <translation>
            <numerusform>Über %n Konto</numerusform>
            <numerusform>Über %n Konten</numerusform>
        </translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>No services yet</source>
        <translation>Noch keine Dienste</translation>
    </message>
    <message>
        <source>Servers and plans you buy will appear here.</source>
        <translation>Server und Tarife, die Sie kaufen, erscheinen hier.</translation>
    </message>
</context>
<context>
    <name>LoginPrompt</name>
    <message>
        <source>Sign in to {account}</source>
        <translation>Bei {account} anmelden</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Six-digit code</source>
        <translation>Sechsstelliger Code</translation>
    </message>
    <message>
        <source>Two-factor code</source>
        <translation>Zwei-Faktor-Code</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <source>Paste an API key for {email} at {host} to sign in again.</source>
        <translation>Fügen Sie einen API-Schlüssel für {email} bei {host} ein, um sich wieder anzumelden.</translation>
    </message>
    <message>
        <source>Enter the password for {email} at {host} to sign in again.</source>
        <translation>Geben Sie das Passwort für {email} bei {host} ein, um sich wieder anzumelden.</translation>
    </message>
    <message>
        <source>Sett has no API key saved on this computer for {account} ({email}). Paste a key from the panel at {host} to continue; until then Sett shows what it saved.</source>
        <translation>Auf diesem Computer ist für {account} ({email}) kein API-Schlüssel gespeichert. Fügen Sie einen Schlüssel aus dem Panel unter {host} ein, um fortzufahren; bis dahin zeigt Sett, was es gespeichert hat.</translation>
    </message>
    <message>
        <source>Sett has no login saved on this computer for {host}. Enter the password for {email} to continue; until then Sett shows what it saved.</source>
        <translation>Auf diesem Computer ist keine Anmeldung für {host} gespeichert. Geben Sie das Passwort für {email} ein, um fortzufahren; bis dahin zeigt Sett, was es gespeichert hat.</translation>
    </message>
    <message>
        <source>The panel at {host} no longer accepts the API key of {account} ({email}): it may have expired or been revoked. Paste a new key to continue.</source>
        <translation>Das Panel unter {host} akzeptiert den API-Schlüssel von {account} ({email}) nicht mehr: Er ist vielleicht abgelaufen oder widerrufen worden. Fügen Sie einen neuen Schlüssel ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>Your session with {host} has ended. Enter the password for {email} to continue; until then Sett shows what it saved.</source>
        <translation>Ihre Sitzung bei {host} ist beendet. Geben Sie das Passwort für {email} ein, um fortzufahren; bis dahin zeigt Sett, was es gespeichert hat.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Sett cannot reach the panel at {host} right now, so it cannot sign you in yet. Nothing is lost: Sett keeps the data it saved on this computer and tries again by itself while this window is open.</source>
        <translation>Sett kann das Panel unter {host} gerade nicht erreichen und Sie deshalb noch nicht anmelden. Es geht nichts verloren: Sett behält die auf diesem Computer gespeicherten Daten und versucht es selbstständig erneut, solange dieses Fenster offen ist.</translation>
    </message>
    <message>
        <source>Enter the code as digits, for example 123456.</source>
        <translation>Geben Sie den Code als Ziffern ein, zum Beispiel 123456.</translation>
    </message>
    <message>
        <source>Paste the new API key.</source>
        <translation>Fügen Sie den neuen API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>{email} has two-factor sign-in on. Enter the six-digit code from your authenticator app.</source>
        <translation>{email} nutzt die Zwei-Faktor-Anmeldung. Geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein.</translation>
    </message>
</context>
<context>
    <name>LowCredit</name>
    <message numerus="yes">
        <source>%n renewal(s) due by {when} cost {renewals}; your credit of {balance} leaves {shortfall} to pay another way.</source>
        <translation>
            <numerusform>%n Verlängerung bis {when} kostet {renewals}; nach Ihrem Guthaben von {balance} bleiben {shortfall} auf anderem Weg zu bezahlen.</numerusform>
            <numerusform>%n Verlängerungen bis {when} kosten {renewals}; nach Ihrem Guthaben von {balance} bleiben {shortfall} auf anderem Weg zu bezahlen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your credit will not cover the next renewal</source>
        <translation>Ihr Guthaben reicht nicht für die nächste Verlängerung</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Your hosting, in one place: browse the store, buy and pay, and keep an eye on services, invoices and credit, online or off. Start by adding the panel where you buy your hosting.</source>
        <translation>Ihr Hosting an einem Ort: im Shop stöbern, kaufen und bezahlen und Dienste, Rechnungen und Guthaben im Blick behalten, online wie offline. Fügen Sie zuerst das Panel hinzu, bei dem Sie Ihr Hosting kaufen.</translation>
    </message>
    <message>
        <source>Sett</source>
        <translation>Sett</translation>
    </message>
    <message>
        <source>Welcome to Sett</source>
        <translation>Willkommen bei Sett</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>{screen} — Sett</source>
        <translation>{screen} — Sett</translation>
    </message>
    <message>
        <source>The {screen} screen could not show this account's data ({error}).</source>
        <translation>Die Ansicht „{screen}“ konnte die Daten dieses Kontos nicht anzeigen ({error}).</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n überfällig</numerusform>
            <numerusform>%n überfällig</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManageAccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>Namen speichern</translation>
    </message>
    <message>
        <source>Remove account…</source>
        <translation>Konto entfernen…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>{email} at {address}, signed out: what Sett saved stays readable until you sign in again.</source>
        <translation>{email} bei {address}, abgemeldet: was Sett gespeichert hat, bleibt lesbar, bis Sie sich wieder anmelden.</translation>
    </message>
    <message>
        <source>{email} at {address}, signed in with an API key.</source>
        <translation>{email} bei {address}, angemeldet mit einem API-Schlüssel.</translation>
    </message>
    <message>
        <source>{email} at {address}, signed in with email and password.</source>
        <translation>{email} bei {address}, angemeldet mit E-Mail und Passwort.</translation>
    </message>
    <message>
        <source>Remove {account}? Sett signs out of {host} and deletes the data it saved for this account on this computer. Nothing changes on the panel.</source>
        <translation>{account} entfernen? Sett meldet sich von {host} ab und löscht die Daten, die es für dieses Konto auf diesem Computer gespeichert hat. Im Panel ändert sich nichts.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting in the Outbox will never be sent.</source>
        <translation>
            <numerusform>%n Aktion, die im Postausgang wartet, wird nie gesendet.</numerusform>
            <numerusform>%n Aktionen, die im Postausgang warten, werden nie gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MenuActions</name>
    <message>
        <source>Add an account first: problems are reported to its panel.</source>
        <translation>Fügen Sie zuerst ein Konto hinzu: Probleme werden an dessen Panel gemeldet.</translation>
    </message>
    <message>
        <source>Nothing is due in this account's currency; {amounts} is due in other currencies: pay those invoices one at a time from Invoices.</source>
        <translation>In der Währung dieses Kontos ist nichts fällig; {amounts} ist in anderen Währungen fällig: Bezahlen Sie diese Rechnungen einzeln unter Rechnungen.</translation>
    </message>
    <message>
        <source>Nothing is due on this account.</source>
        <translation>Auf diesem Konto ist nichts fällig.</translation>
    </message>
</context>
<context>
    <name>MenuBar</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Prefere&amp;nces…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Save all PD&amp;Fs…</source>
        <translation>Alle PDFs &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>&amp;Gehe zu…</translation>
    </message>
    <message>
        <source>Switch &amp;light/dark theme</source>
        <translation>&amp;Helles/dunkles Design wechseln</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Manage accounts…</source>
        <translation>Konten &amp;verwalten…</translation>
    </message>
    <message>
        <source>&amp;Pay all due…</source>
        <translation>Alles Fällige &amp;bezahlen…</translation>
    </message>
    <message>
        <source>&amp;Billing profile…</source>
        <translation>&amp;Rechnungsprofil…</translation>
    </message>
    <message>
        <source>&amp;Next account</source>
        <translation>&amp;Nächstes Konto</translation>
    </message>
    <message>
        <source>P&amp;revious account</source>
        <translation>V&amp;origes Konto</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Report a problem…</source>
        <translation>Problem &amp;melden…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Sett</source>
        <translation>&amp;Über Sett</translation>
    </message>
    <message>
        <source>Nothing to print here: open an invoice to print it.</source>
        <translation>Hier gibt es nichts zu drucken: Öffnen Sie eine Rechnung, um sie zu drucken.</translation>
    </message>
    <message>
        <source>Nothing to undo here.</source>
        <translation>Hier gibt es nichts rückgängig zu machen.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s).</source>
        <translation>
            <numerusform>%n Zeile kopiert.</numerusform>
            <numerusform>%n Zeilen kopiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>{author} · waiting in the Outbox</source>
        <translation>{author} · wartet im Postausgang</translation>
    </message>
    <message>
        <source>{author} (staff) · {date}</source>
        <translation>{author} (Mitarbeiter) · {date}</translation>
    </message>
    <message>
        <source>{author} · {date}</source>
        <translation>{author} · {date}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This demo takes payments by credits and the PayPal sandbox; to try cards, set the demo panel's Stripe test keys: see README ("Cards in the installed demo").</source>
        <translation>Diese Demo nimmt Zahlungen per Guthaben und über die PayPal-Sandbox an; um Karten auszuprobieren, hinterlegen Sie die Stripe-Testschlüssel des Demo-Panels: siehe README („Cards in the installed demo“).</translation>
    </message>
    <message>
        <source>The store, your services, invoices and credit appear here as soon as billing is on again. Your account is still connected, and Sett checks the panel at every sync. If you expected billing here, ask the panel's operator to enable the Billing Module.</source>
        <translation>Shop, Dienste, Rechnungen und Guthaben erscheinen hier, sobald die Abrechnung wieder eingeschaltet ist. Ihr Konto bleibt verbunden, und Sett prüft das Panel bei jeder Synchronisierung. Wenn Sie hier eine Abrechnung erwartet haben, bitten Sie den Betreiber des Panels, das Billing-Modul zu aktivieren.</translation>
    </message>
    <message>
        <source>Checkout needs a connection to the panel</source>
        <translation>Zum Bestellen ist eine Verbindung zum Panel nötig</translation>
    </message>
    <message>
        <source>Leave this payment? Nothing more is charged; the invoice stays unpaid and you can pay it later from Invoices.</source>
        <translation>Diese Zahlung verlassen? Es wird nichts weiter berechnet; die Rechnung bleibt offen, und Sie können sie später unter Rechnungen bezahlen.</translation>
    </message>
    <message>
        <source>Offline: sending a ticket needs the panel. Sett reconnects by itself; what you wrote stays here.</source>
        <translation>Offline: Zum Senden eines Tickets wird das Panel gebraucht. Sett verbindet sich selbstständig neu; was Sie geschrieben haben, bleibt hier.</translation>
    </message>
    <message>
        <source>Signed out: sending a ticket needs you to sign in to this account again; what you wrote stays here.</source>
        <translation>Abgemeldet: Um ein Ticket zu senden, melden Sie sich erneut bei diesem Konto an; Ihr Text bleibt hier erhalten.</translation>
    </message>
    <message>
        <source>Offline: marking read is queued in the Outbox and sent to the panel once it is back.</source>
        <translation>Offline: Das Markieren als gelesen wartet im Postausgang und wird an das Panel gesendet, sobald es wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>Signed out: marking read is queued in the Outbox and sent to the panel once you sign in again (Sign in, in the account's note or from Sync).</source>
        <translation>Abgemeldet: Das Markieren als gelesen wartet im Postausgang und wird an das Panel gesendet, sobald Sie sich erneut anmelden (Anmelden, in der Meldung des Kontos oder über Synchronisieren).</translation>
    </message>
    <message>
        <source>Cancel order {number}? Its invoice and the services it would have set up are cancelled, reserved stock is released and any credits applied to it go back to your balance. This cannot be undone.</source>
        <translation>Bestellung {number} stornieren? Ihre Rechnung und die Dienste, die sie eingerichtet hätte, werden storniert, reservierter Bestand wird freigegeben, und angerechnetes Guthaben geht zurück auf Ihr Konto. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>This needs a connection to the panel; Sett will reconnect by itself.</source>
        <translation>Dafür ist eine Verbindung zum Panel nötig; Sett verbindet sich selbstständig neu.</translation>
    </message>
    <message>
        <source>Offline: a cancellation request or its withdrawal is queued in the Outbox and sent when the panel is back.</source>
        <translation>Offline: Ein Kündigungsantrag oder dessen Rücknahme wartet im Postausgang und wird gesendet, sobald das Panel wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>Signed out: a cancellation request or its withdrawal is queued in the Outbox and sent once you sign in again (Sign in, in the account's note or from Sync).</source>
        <translation>Abgemeldet: Eine Kündigungsanfrage oder ihre Rücknahme wartet im Postausgang und wird gesendet, sobald Sie sich erneut anmelden (Anmelden, in der Meldung des Kontos oder über Synchronisieren).</translation>
    </message>
    <message>
        <source>Offline: replying and closing need the panel. Sett reconnects by itself; your draft stays here.</source>
        <translation>Offline: Zum Antworten und Schließen wird das Panel gebraucht. Sett verbindet sich selbstständig neu; Ihr Entwurf bleibt hier.</translation>
    </message>
    <message>
        <source>Offline: a reply you send now waits in the Outbox and goes to the panel once it can be reached. Closing needs the panel.</source>
        <translation>Offline: Eine Antwort, die Sie jetzt senden, wartet im Postausgang und geht an das Panel, sobald es erreichbar ist. Zum Schließen wird das Panel gebraucht.</translation>
    </message>
    <message>
        <source>Signed out: a reply you send now waits in the Outbox and goes to the panel once you sign in again (Sign in, in the account's note or from Sync). Closing needs you to sign in first.</source>
        <translation>Abgemeldet: Eine Antwort, die Sie jetzt senden, wartet im Postausgang und geht an das Panel, sobald Sie sich erneut anmelden (Anmelden, in der Meldung des Kontos oder über Synchronisieren). Zum Schließen müssen Sie sich zuerst anmelden.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>The panel sent a payment page that is not a web address Sett can open safely, so Sett did not open it. What is due stays payable under Invoices; the panel's operator may need to look at this.</source>
        <translation>Das Panel hat eine Zahlungsseite gesendet, die keine Webadresse ist, die Sett sicher öffnen kann, daher hat Sett sie nicht geöffnet. Was fällig ist, bleibt unter Rechnungen bezahlbar; der Betreiber des Panels sollte sich das ansehen.</translation>
    </message>
    <message>
        <source>The panel sent a payment page at {host}, which is neither this account's panel nor a payment provider Sett knows, so Sett did not open it. What is due stays payable under Invoices; the panel's operator may need to look at this.</source>
        <translation>Das Panel hat eine Zahlungsseite auf {host} gesendet, die weder das Panel dieses Kontos noch ein Zahlungsanbieter ist, den Sett kennt, daher hat Sett sie nicht geöffnet. Was fällig ist, bleibt unter Rechnungen bezahlbar; der Betreiber des Panels sollte sich das ansehen.</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>its security certificate was not accepted</source>
        <translation>sein Sicherheitszertifikat wurde nicht akzeptiert</translation>
    </message>
    <message>
        <source>a secure connection could not be set up</source>
        <translation>eine sichere Verbindung konnte nicht aufgebaut werden</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>die Verbindung hat das Zeitlimit überschritten</translation>
    </message>
    <message>
        <source>no answer within {duration}</source>
        <translation>keine Antwort innerhalb von {duration}</translation>
    </message>
    <message>
        <source>the proxy refused the connection</source>
        <translation>der Proxy hat die Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>the name could not be found (check the address and your internet connection)</source>
        <translation>der Name wurde nicht gefunden (prüfen Sie die Adresse und Ihre Internetverbindung)</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>die Verbindung wurde abgelehnt</translation>
    </message>
    <message>
        <source>the connection was closed before an answer arrived</source>
        <translation>die Verbindung wurde geschlossen, bevor eine Antwort kam</translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation>die Verbindung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the answer broke off</source>
        <translation>die Antwort ist abgebrochen</translation>
    </message>
    <message>
        <source>the request could not be sent</source>
        <translation>die Anfrage konnte nicht gesendet werden</translation>
    </message>
    <message>
        <source>Could not reach {host}: {reason}.</source>
        <translation>{host} war nicht erreichbar: {reason}.</translation>
    </message>
    <message>
        <source>Your session has expired; log in again.</source>
        <translation>Ihre Sitzung ist abgelaufen; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>{address} redirects to an address that is not valid text instead of answering as a billing panel; check the panel address.</source>
        <translation>{address} leitet auf eine Adresse weiter, die kein gültiger Text ist, statt als Abrechnungs-Panel zu antworten; prüfen Sie die Adresse des Panels.</translation>
    </message>
    <message>
        <source>Could not reach {host}: its answer took longer than {duration} in all, so Sett stopped waiting.</source>
        <translation>{host} war nicht erreichbar: Die Antwort dauerte insgesamt länger als {duration}, daher hat Sett aufgehört zu warten.</translation>
    </message>
    <message>
        <source>another address</source>
        <translation>eine andere Adresse</translation>
    </message>
    <message>
        <source>{address} redirects to {target} instead of answering as a billing panel; check the panel address.</source>
        <translation>{address} leitet auf {target} weiter, statt als Abrechnungs-Panel zu antworten; prüfen Sie die Adresse des Panels.</translation>
    </message>
    <message>
        <source>The panel keeps asking Sett to wait (it asked for {duration} more, past the {budget} Sett waits for one sync or call); try again later.</source>
        <translation>Das Panel bittet Sett immer wieder zu warten (zuletzt um weitere {duration}, mehr als die {budget}, die Sett für eine Synchronisierung oder Anfrage wartet); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The key Sett holds for this panel has characters no panel key has (spaces, accents or line breaks); sign in again with the key exactly as the panel showed it.</source>
        <translation>Der Schlüssel, den Sett für dieses Panel hat, enthält Zeichen, die kein Panel-Schlüssel hat (Leerzeichen, Akzente oder Zeilenumbrüche); melden Sie sich erneut mit dem Schlüssel genau so an, wie das Panel ihn angezeigt hat.</translation>
    </message>
    <message>
        <source>{address} answered without a new token pair.</source>
        <translation>{address} antwortete ohne ein neues Token-Paar.</translation>
    </message>
    <message>
        <source>The panel address</source>
        <translation>Die Panel-Adresse</translation>
    </message>
    <message>
        <source>{address} answered with an empty body where a billing panel sends data.</source>
        <translation>{address} hat ohne Inhalt geantwortet, wo ein Abrechnungs-Panel Daten sendet.</translation>
    </message>
    <message>
        <source>{address} answered with a web page, not with a billing panel's API; check the panel address.</source>
        <translation>{address} hat mit einer Webseite geantwortet, nicht mit der API eines Abrechnungs-Panels; prüfen Sie die Adresse des Panels.</translation>
    </message>
    <message>
        <source>{address} sent the number {number}, which no billing panel sends; Sett kept what it had.</source>
        <translation>{address} hat die Zahl {number} gesendet, die kein Abrechnungs-Panel sendet; Sett hat behalten, was es hatte.</translation>
    </message>
    <message>
        <source>{address} answered with something that is not JSON; it does not look like a billing panel.</source>
        <translation>{address} hat mit etwas geantwortet, das kein JSON ist; das sieht nicht nach einem Abrechnungs-Panel aus.</translation>
    </message>
    <message>
        <source>{address} answered with JSON that is not an object; it does not look like a billing panel.</source>
        <translation>{address} hat mit JSON geantwortet, das kein Objekt ist; das sieht nicht nach einem Abrechnungs-Panel aus.</translation>
    </message>
    <message>
        <source>{address} sent text that is not valid Unicode (a lone surrogate), which no billing panel sends; Sett kept what it had.</source>
        <translation>{address} hat Text gesendet, der kein gültiges Unicode ist (ein einzelnes Surrogat), was kein Abrechnungspanel sendet; Sett hat behalten, was es hatte.</translation>
    </message>
    <message>
        <source>{address} sent JSON nested more than {limit} levels deep, which no billing panel sends; Sett kept what it had.</source>
        <translation>{address} hat JSON mit mehr als {limit} Verschachtelungsebenen gesendet, was kein Abrechnungspanel sendet; Sett hat behalten, was es hatte.</translation>
    </message>
    <message>
        <source>{address} sent an answer of more than {limit} values, which no billing panel sends; Sett kept what it had.</source>
        <translation>{address} hat eine Antwort mit mehr als {limit} Werten gesendet, was kein Abrechnungspanel sendet; Sett hat behalten, was es hatte.</translation>
    </message>
    <message>
        <source>{address} answered with JSON but without the panel's "data" envelope; it does not look like a billing panel.</source>
        <translation>{address} hat mit JSON geantwortet, aber ohne die „data“-Hülle des Panels; das sieht nicht nach einem Abrechnungs-Panel aus.</translation>
    </message>
    <message>
        <source>{address} answered that the request failed ("success": false) without saying why.</source>
        <translation>{address} hat geantwortet, dass die Anfrage fehlgeschlagen ist („success“: false), ohne den Grund zu nennen.</translation>
    </message>
    <message>
        <source>The panel is receiving too many requests; try again shortly.</source>
        <translation>Das Panel erhält zu viele Anfragen; versuchen Sie es in Kürze erneut.</translation>
    </message>
    <message>
        <source>{address} failed with {status}; try again later.</source>
        <translation>{address} ist mit {status} fehlgeschlagen; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>{address} answered {status} without the panel's error shape; it does not look like a billing panel.</source>
        <translation>{address} hat mit {status} geantwortet, ohne die Fehlerform des Panels; es sieht nicht nach einem Abrechnungs-Panel aus.</translation>
    </message>
    <message>
        <source>The panel refused the request (HTTP {status}).</source>
        <translation>Das Panel hat die Anfrage abgelehnt (HTTP {status}).</translation>
    </message>
    <message>
        <source>That address holds a user name or password. Type the panel address alone (like https://panel.example.com) and sign in after.</source>
        <translation>Diese Adresse enthält einen Benutzernamen oder ein Passwort. Geben Sie nur die Panel-Adresse ein (etwa https://panel.example.com) und melden Sie sich danach an.</translation>
    </message>
    <message>
        <source>{address} is not a panel address; it should look like https://panel.example.com.</source>
        <translation>{address} ist keine Panel-Adresse; sie sollte so aussehen: https://panel.example.com.</translation>
    </message>
    <message>
        <source>{address} says it has {pages} pages; Sett reads at most {limit} pages of one list, so it stopped before asking.</source>
        <translation>{address} gibt {pages} Seiten an; Sett liest höchstens {limit} Seiten einer Liste und hat deshalb gar nicht erst gefragt.</translation>
    </message>
    <message>
        <source>{address} answered {status}: {error}; it does not look like a billing panel.</source>
        <translation>{address} hat mit {status} geantwortet: {error}; das sieht nicht nach einem Abrechnungs-Panel aus.</translation>
    </message>
    <message>
        <source>{address} answered with a refusal: {error}; it does not look like a billing panel.</source>
        <translation>{address} hat abgelehnt: {error}; das sieht nicht nach einem Abrechnungs-Panel aus.</translation>
    </message>
    <message>
        <source>{address} answered, but not with a billing panel's settings.</source>
        <translation>{address} hat geantwortet, aber nicht mit den Einstellungen eines Abrechnungs-Panels.</translation>
    </message>
    <message>
        <source>{address} answered 304 Not Modified, though Sett had sent no tag to compare with; Sett kept what it had.</source>
        <translation>{address} hat mit 304 Not Modified geantwortet, obwohl Sett kein Tag zum Vergleichen gesendet hatte; Sett hat behalten, was es hatte.</translation>
    </message>
    <message>
        <source>{address} sent more than {limit} rows of one list; Sett reads at most that many, so it stopped at page {page}.</source>
        <translation>{address} hat mehr als {limit} Zeilen einer Liste gesendet; Sett liest höchstens so viele und hat deshalb bei Seite {page} aufgehört.</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <source>New support ticket</source>
        <translation>Neues Support-Ticket</translation>
    </message>
    <message>
        <source>What do you need help with?</source>
        <translation>Wobei brauchen Sie Hilfe?</translation>
    </message>
    <message>
        <source>Send ticket</source>
        <translation>Ticket senden</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Betreff</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>Abte&amp;ilung</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message numerus="yes">
        <source>Queued in the Outbox: %n notification(s) marked read here, and at the panel once it is back.</source>
        <translation>
            <numerusform>Im Postausgang: %n Benachrichtigung hier als gelesen markiert, im Panel, sobald es wieder erreichbar ist.</numerusform>
            <numerusform>Im Postausgang: %n Benachrichtigungen hier als gelesen markiert, im Panel, sobald es wieder erreichbar ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not queued. {reason}</source>
        <translation>Nicht in den Postausgang gelegt. {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n notification(s) read</source>
        <translation>
            <numerusform>%n Benachrichtigung als gelesen markieren</numerusform>
            <numerusform>%n Benachrichtigungen als gelesen markieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued in the Outbox: %n notification(s) marked read here, and at the panel once you sign in again.</source>
        <translation>
            <numerusform>Im Postausgang: %n Benachrichtigung hier als gelesen markiert, im Panel, sobald Sie sich erneut anmelden.</numerusform>
            <numerusform>Im Postausgang: %n Benachrichtigungen hier als gelesen markiert, im Panel, sobald Sie sich erneut anmelden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n notification(s) read.</source>
        <translation>
            <numerusform>%n Benachrichtigung als gelesen markiert.</numerusform>
            <numerusform>%n Benachrichtigungen als gelesen markiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking the panel…</source>
        <translation>Das Panel wird gefragt…</translation>
    </message>
    <message>
        <source>Invoice {number} is overdue</source>
        <translation>Rechnung {number} ist überfällig</translation>
    </message>
    <message>
        <source>Invoice {number} is due today</source>
        <translation>Rechnung {number} ist heute fällig</translation>
    </message>
    <message>
        <source>Invoice {number} is due tomorrow</source>
        <translation>Rechnung {number} ist morgen fällig</translation>
    </message>
    <message numerus="yes">
        <source>Invoice {number} is due in %n days</source>
        <translation>
            <numerusform>Rechnung {number} ist in %n Tag fällig</numerusform>
            <numerusform>Rechnung {number} ist in %n Tagen fällig</numerusform>
        </translation>
    </message>
    <message>
        <source>{amount} to pay by {date}.</source>
        <translation>{amount} zu zahlen bis {date}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new notifications</source>
        <translation>
            <numerusform>%Ln neue Benachrichtigung</numerusform>
            <numerusform>%Ln neue Benachrichtigungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Notifications (the bell) to see them.</source>
        <translation>Öffnen Sie die Benachrichtigungen (die Glocke), um sie zu sehen.</translation>
    </message>
</context>
<context>
    <name>NoticesDialog</name>
    <message>
        <source>Notifications — Sett</source>
        <translation>Benachrichtigungen — Sett</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>No notifications.</source>
        <translation>Keine Benachrichtigungen.</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
    <message>
        <source>Open the invoice</source>
        <translation>Rechnung öffnen</translation>
    </message>
    <message>
        <source>Offline: marking notifications read needs a connection to the panel.</source>
        <translation>Offline: Zum Markieren als gelesen ist eine Verbindung zum Panel nötig.</translation>
    </message>
    <message>
        <source>Every notification is read already.</source>
        <translation>Alle Benachrichtigungen sind bereits gelesen.</translation>
    </message>
    <message>
        <source>Waiting for the panel's answer…</source>
        <translation>Warten auf die Antwort des Panels…</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>{title}: {message}</source>
        <translation>{title}: {message}</translation>
    </message>
    <message>
        <source>{account} · {notice}</source>
        <translation>{account} · {notice}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>Nouns</name>
    <message>
        <source>Connect to the panel to see your invoices.</source>
        <translation>Verbinden Sie sich mit dem Panel, um Ihre Rechnungen zu sehen.</translation>
    </message>
    <message>
        <source>No invoices yet</source>
        <translation>Noch keine Rechnungen</translation>
    </message>
    <message>
        <source>No invoices match</source>
        <translation>Keine passenden Rechnungen</translation>
    </message>
    <message>
        <source>Connect to a panel to see the invoices of your accounts.</source>
        <translation>Verbinden Sie sich mit einem Panel, um die Rechnungen Ihrer Konten zu sehen.</translation>
    </message>
    <message>
        <source>No invoices in any account</source>
        <translation>In keinem Konto gibt es Rechnungen</translation>
    </message>
    <message>
        <source>The invoices of all your accounts will appear here.</source>
        <translation>Die Rechnungen aller Ihrer Konten erscheinen hier.</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Connect to the panel to see your orders.</source>
        <translation>Verbinden Sie sich mit dem Panel, um Ihre Bestellungen zu sehen.</translation>
    </message>
    <message>
        <source>No orders yet</source>
        <translation>Noch keine Bestellungen</translation>
    </message>
    <message>
        <source>No orders match</source>
        <translation>Keine passenden Bestellungen</translation>
    </message>
    <message>
        <source>Connect to a panel to see the orders of your accounts.</source>
        <translation>Verbinden Sie sich mit einem Panel, um die Bestellungen Ihrer Konten zu sehen.</translation>
    </message>
    <message>
        <source>No orders in any account</source>
        <translation>In keinem Konto gibt es Bestellungen</translation>
    </message>
    <message>
        <source>The orders of all your accounts will appear here.</source>
        <translation>Die Bestellungen aller Ihrer Konten erscheinen hier.</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Connect to the panel to see your services.</source>
        <translation>Verbinden Sie sich mit dem Panel, um Ihre Dienste zu sehen.</translation>
    </message>
    <message>
        <source>No services yet</source>
        <translation>Noch keine Dienste</translation>
    </message>
    <message>
        <source>No services match</source>
        <translation>Keine passenden Dienste</translation>
    </message>
    <message>
        <source>Connect to a panel to see the services of your accounts.</source>
        <translation>Verbinden Sie sich mit einem Panel, um die Dienste Ihrer Konten zu sehen.</translation>
    </message>
    <message>
        <source>No services in any account</source>
        <translation>In keinem Konto gibt es Dienste</translation>
    </message>
    <message>
        <source>The services of all your accounts will appear here.</source>
        <translation>Die Dienste aller Ihrer Konten erscheinen hier.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Connect to the panel to see your tickets.</source>
        <translation>Verbinden Sie sich mit dem Panel, um Ihre Tickets zu sehen.</translation>
    </message>
    <message>
        <source>No tickets yet</source>
        <translation>Noch keine Tickets</translation>
    </message>
    <message>
        <source>No tickets match</source>
        <translation>Keine passenden Tickets</translation>
    </message>
    <message>
        <source>Connect to a panel to see the tickets of your accounts.</source>
        <translation>Verbinden Sie sich mit einem Panel, um die Tickets Ihrer Konten zu sehen.</translation>
    </message>
    <message>
        <source>No tickets in any account</source>
        <translation>In keinem Konto gibt es Tickets</translation>
    </message>
    <message>
        <source>The tickets of all your accounts will appear here.</source>
        <translation>Die Tickets aller Ihrer Konten erscheinen hier.</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln Bestellung</numerusform>
            <numerusform>%Ln Bestellungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln order(s)</source>
        <translation>
            <numerusform>{shown} von %Ln Bestellung</numerusform>
            <numerusform>{shown} von %Ln Bestellungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln service(s)</source>
        <translation>
            <numerusform>%Ln Dienst</numerusform>
            <numerusform>%Ln Dienste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln service(s)</source>
        <translation>
            <numerusform>{shown} von %Ln Dienst</numerusform>
            <numerusform>{shown} von %Ln Diensten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ticket(s)</source>
        <translation>
            <numerusform>%Ln Ticket</numerusform>
            <numerusform>%Ln Tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln ticket(s)</source>
        <translation>
            <numerusform>{shown} von %Ln Ticket</numerusform>
            <numerusform>{shown} von %Ln Tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invoice(s)</source>
        <translation>
            <numerusform>%Ln Rechnung</numerusform>
            <numerusform>%Ln Rechnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln invoice(s)</source>
        <translation>
            <numerusform>{shown} von %Ln Rechnung</numerusform>
            <numerusform>{shown} von %Ln Rechnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>{doing} {count}…</source>
        <translation>{doing} {count}…</translation>
    </message>
</context>
<context>
    <name>OrderPage</name>
    <message>
        <source>{product} ({sizes})</source>
        <translation>{product} ({sizes})</translation>
    </message>
    <message>
        <source>{product} + setup fee {amount} each</source>
        <translation>{product} + Einrichtungsgebühr {amount} je Stück</translation>
    </message>
    <message>
        <source>{product} + setup fee {amount}</source>
        <translation>{product} + Einrichtungsgebühr {amount}</translation>
    </message>
    <message>
        <source>← All orders</source>
        <translation>← Alle Bestellungen</translation>
    </message>
    <message>
        <source>Complete payment…</source>
        <translation>Zahlung abschließen…</translation>
    </message>
    <message>
        <source>Cancel order…</source>
        <translation>Bestellung stornieren…</translation>
    </message>
    <message>
        <source>No services yet.</source>
        <translation>Noch keine Dienste.</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Positionen</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>Bestellung {number}</translation>
    </message>
    <message>
        <source>Placed {when}</source>
        <translation>Aufgegeben am {when}</translation>
    </message>
    <message>
        <source>{placed} · paid by {method}</source>
        <translation>{placed} · bezahlt per {method}</translation>
    </message>
    <message>
        <source>Subtotal {amount}</source>
        <translation>Zwischensumme {amount}</translation>
    </message>
    <message>
        <source>Discount -{amount} ({code})</source>
        <translation>Rabatt -{amount} ({code})</translation>
    </message>
    <message>
        <source>Discount -{amount}</source>
        <translation>Rabatt -{amount}</translation>
    </message>
    <message>
        <source>Tax {amount}</source>
        <translation>Steuer {amount}</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Gesamt {amount}</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Rechnung {number}</translation>
    </message>
    <message>
        <source>{status} · {amount} due</source>
        <translation>{status} · {amount} fällig</translation>
    </message>
    <message>
        <source>Its invoice</source>
        <translation>Ihre Rechnung</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Noch nicht synchronisiert.</translation>
    </message>
    <message>
        <source>This order has no invoice.</source>
        <translation>Diese Bestellung hat keine Rechnung.</translation>
    </message>
    <message>
        <source>its invoice</source>
        <translation>ihrer Rechnung</translation>
    </message>
    <message>
        <source>This order is not paid: {amount} is still due on {invoice}. Complete the payment to have its services set up, or cancel the order.</source>
        <translation>Diese Bestellung ist nicht bezahlt: Auf {invoice} sind noch {amount} fällig. Schließen Sie die Zahlung ab, damit ihre Dienste eingerichtet werden, oder stornieren Sie die Bestellung.</translation>
    </message>
    <message>
        <source>Service {id}</source>
        <translation>Dienst {id}</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>noch nicht synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more: Services lists them all.</source>
        <translation>
            <numerusform>…und %Ln weiterer: Dienste listet alle.</numerusform>
            <numerusform>…und %Ln weitere: Dienste listet alle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline: paying or cancelling needs a connection to the panel.</source>
        <translation>Offline: Zum Bezahlen oder Stornieren ist eine Verbindung zum Panel nötig.</translation>
    </message>
    <message>
        <source>Cancel the order?</source>
        <translation>Bestellung stornieren?</translation>
    </message>
</context>
<context>
    <name>OrderPages</name>
    <message>
        <source>The panel cannot cancel this order: {reason} An order is cancellable only while nothing of it has been paid by card or PayPal.</source>
        <translation>Das Panel kann diese Bestellung nicht stornieren: {reason} Eine Bestellung lässt sich nur stornieren, solange nichts davon per Karte oder PayPal bezahlt wurde.</translation>
    </message>
    <message>
        <source>The panel does not know this order any more; it may have been removed. Sync to see its state.</source>
        <translation>Das Panel kennt diese Bestellung nicht mehr; sie wurde vielleicht entfernt. Synchronisieren Sie, um ihren Stand zu sehen.</translation>
    </message>
    <message>
        <source>The order was not cancelled. {reason}</source>
        <translation>Die Bestellung wurde nicht storniert. {reason}</translation>
    </message>
    <message>
        <source>Order {number} is cancelled. Its invoice is cancelled too, and any credits applied to it are back in your balance.</source>
        <translation>Bestellung {number} ist storniert. Ihre Rechnung ist ebenfalls storniert, und angerechnetes Guthaben ist wieder auf Ihrem Konto.</translation>
    </message>
    <message>
        <source>Asking the panel to cancel the order…</source>
        <translation>Das Panel wird gebeten, die Bestellung zu stornieren…</translation>
    </message>
</context>
<context>
    <name>OrdersSection</name>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Search orders</source>
        <translation>Bestellungen durchsuchen</translation>
    </message>
    <message>
        <source>No orders yet</source>
        <translation>Noch keine Bestellungen</translation>
    </message>
    <message>
        <source>What you buy in the store will appear here.</source>
        <translation>Was Sie im Shop kaufen, erscheint hier.</translation>
    </message>
    <message>
        <source>Browse the store</source>
        <translation>Zum Shop</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) not paid yet: open one to complete its payment or cancel it.</source>
        <translation>
            <numerusform>%n Bestellung noch nicht bezahlt: Öffnen Sie sie, um die Zahlung abzuschließen oder sie zu stornieren.</numerusform>
            <numerusform>%n Bestellungen noch nicht bezahlt: Öffnen Sie eine, um die Zahlung abzuschließen oder sie zu stornieren.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>This action is already in the outbox.</source>
        <translation>Diese Aktion liegt bereits im Postausgang.</translation>
    </message>
    <message>
        <source>That service is not on this computer; sync first.</source>
        <translation>Dieser Dienst ist nicht auf diesem Computer; synchronisieren Sie zuerst.</translation>
    </message>
    <message>
        <source>That entry is no longer in the outbox.</source>
        <translation>Dieser Eintrag ist nicht mehr im Postausgang.</translation>
    </message>
    <message>
        <source>That entry is being sent or was sent: it can no longer be changed.</source>
        <translation>Dieser Eintrag wird gerade gesendet oder wurde gesendet: Er kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>Only a cancellation request has a reason to edit.</source>
        <translation>Nur ein Kündigungsantrag hat einen Grund, der sich bearbeiten lässt.</translation>
    </message>
    <message>
        <source>Not changed: {reason}.</source>
        <translation>Nicht geändert: {reason}.</translation>
    </message>
    <message>
        <source>That entry is being sent: it can no longer be removed.</source>
        <translation>Dieser Eintrag wird gerade gesendet: Er kann nicht mehr entfernt werden.</translation>
    </message>
    <message>
        <source>Only an entry the panel refused can be sent again.</source>
        <translation>Nur ein Eintrag, den das Panel abgelehnt hat, kann erneut gesendet werden.</translation>
    </message>
    <message>
        <source>Set aside, never sent: Sett cannot send this kind of action.</source>
        <translation>Zurückgestellt, nie gesendet: Sett kann diese Art von Aktion nicht senden.</translation>
    </message>
    <message>
        <source>Not sent again: it was sent more than a day ago and no answer Sett could use came back. The panel may no longer recognise it, so sending it again could do it twice. Check on the panel whether it was done, then dismiss this entry.</source>
        <translation>Nicht erneut gesendet: Es wurde vor mehr als einem Tag gesendet, und keine für Sett verwertbare Antwort kam zurück. Das Panel erkennt es womöglich nicht mehr wieder, daher könnte erneutes Senden es doppelt ausführen. Prüfen Sie im Panel, ob es ausgeführt wurde, und verwerfen Sie dann diesen Eintrag.</translation>
    </message>
    <message>
        <source>The panel may have done it, but its answer could not be used: {reason} Sett sends it again with the same key after the next sync, so it is done once.</source>
        <translation>Das Panel hat es möglicherweise schon ausgeführt, aber seine Antwort war nicht verwertbar: {reason} Sett sendet es nach der nächsten Synchronisierung mit demselben Schlüssel erneut, sodass es nur einmal ausgeführt wird.</translation>
    </message>
    <message>
        <source>The panel refused it: {reason}</source>
        <translation>Das Panel hat sie abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>The outbox could not be read. {reason}</source>
        <translation>Der Postausgang konnte nicht gelesen werden. {reason}</translation>
    </message>
    <message>
        <source>Sent from the outbox: {actions}.</source>
        <translation>Aus dem Postausgang gesendet: {actions}.</translation>
    </message>
    <message>
        <source>The panel refused what the outbox sent. {reasons} The entry stays in the Outbox until you dismiss it.</source>
        <translation>Das Panel hat abgelehnt, was der Postausgang gesendet hat. {reasons} Der Eintrag bleibt im Postausgang, bis Sie ihn verwerfen.</translation>
    </message>
    <message>
        <source>Not sent again from the outbox: {actions}. Each was sent more than a day ago without an answer Sett could use; check on the panel whether it was done.</source>
        <translation>Nicht erneut aus dem Postausgang gesendet: {actions}. Jede dieser Aktionen wurde vor mehr als einem Tag gesendet, ohne dass eine für Sett verwertbare Antwort kam; prüfen Sie im Panel, ob sie ausgeführt wurde.</translation>
    </message>
    <message>
        <source>An outbox entry could not be read and was set aside, never sent: {entries}</source>
        <translation>Ein Eintrag im Postausgang konnte nicht gelesen werden und wurde zurückgestellt, nie gesendet: {entries}</translation>
    </message>
    <message>
        <source>Actions that move money are never queued: they need the panel now.</source>
        <translation>Aktionen, die Geld bewegen, warten nie im Postausgang: Sie brauchen das Panel sofort.</translation>
    </message>
    <message>
        <source>Sett cannot queue a {kind} action.</source>
        <translation>Sett kann eine Aktion {kind} nicht in den Postausgang stellen.</translation>
    </message>
    <message>
        <source>the cancellation's type is neither immediate nor end of period</source>
        <translation>die Art der Kündigung ist weder sofort noch zum Ende des Zeitraums</translation>
    </message>
    <message>
        <source>a cancellation needs a reason of 1 to {limit} characters</source>
        <translation>eine Kündigung braucht einen Grund mit 1 bis {limit} Zeichen</translation>
    </message>
    <message>
        <source>marking read needs the notifications' ids</source>
        <translation>zum Markieren als gelesen fehlen die IDs der Mitteilungen</translation>
    </message>
    <message>
        <source>a withdrawal needs the service's id</source>
        <translation>eine Rücknahme braucht die ID des Dienstes</translation>
    </message>
    <message>
        <source>a reply needs its ticket and a message of 1 to {limit} characters</source>
        <translation>eine Antwort braucht ihr Ticket und eine Nachricht mit 1 bis {limit} Zeichen</translation>
    </message>
    <message>
        <source>the stored entry is not an object</source>
        <translation>der gespeicherte Eintrag ist kein Objekt</translation>
    </message>
    <message>
        <source>the stored entry is incomplete ({error})</source>
        <translation>der gespeicherte Eintrag ist unvollständig ({error})</translation>
    </message>
    <message>
        <source>unknown status {status}</source>
        <translation>unbekannter Status {status}</translation>
    </message>
    <message>
        <source>its details are not an object</source>
        <translation>seine Angaben sind kein Objekt</translation>
    </message>
    <message>
        <source>Sett does not queue {kind} actions</source>
        <translation>Sett stellt keine Aktionen {kind} in den Postausgang</translation>
    </message>
    <message>
        <source>An unreadable outbox entry</source>
        <translation>Ein unlesbarer Eintrag im Postausgang</translation>
    </message>
    <message>
        <source>Set aside, never sent: {message}.</source>
        <translation>Beiseitegelegt, nie gesendet: {message}.</translation>
    </message>
</context>
<context>
    <name>OutboxButton</name>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Outbox ({count})</source>
        <translation>Postausgang ({count})</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting for the panel</source>
        <translation>
            <numerusform>%n Aktion wartet auf das Panel</numerusform>
            <numerusform>%n Aktionen warten auf das Panel</numerusform>
        </translation>
    </message>
    <message>
        <source>Actions queued while offline; nothing waits now</source>
        <translation>Offline vorgemerkte Aktionen; derzeit wartet nichts</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Refused by the panel</source>
        <translation>Vom Panel abgelehnt</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Vorgemerkt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Nothing waits for the panel. Actions you take while offline that can wait (asking to cancel a service, withdrawing it, replying to a ticket, marking notifications read) are kept here and sent once the panel is back.</source>
        <translation>Nichts wartet auf das Panel. Aktionen, die Sie offline ausführen und die warten können (eine Kündigung beantragen, sie zurückziehen, auf ein Ticket antworten, Benachrichtigungen als gelesen markieren), werden hier aufbewahrt und gesendet, sobald das Panel wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>What you did while the panel could not be reached. Each is sent once, in this order, as soon as the panel answers again; until then you can edit a cancellation's reason or remove an entry.</source>
        <translation>Was Sie getan haben, während das Panel nicht erreichbar war. Jeder Eintrag wird genau einmal, in dieser Reihenfolge, gesendet, sobald das Panel wieder antwortet; bis dahin können Sie den Grund einer Kündigung ändern oder einen Eintrag entfernen.</translation>
    </message>
    <message>
        <source>Edit reason…</source>
        <translation>Grund bearbeiten…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>{action} — “{reason}”</source>
        <translation>{action} — „{reason}“</translation>
    </message>
    <message>
        <source>Choose a waiting cancellation request: only its reason can be edited, and only until it is sent.</source>
        <translation>Wählen Sie einen wartenden Kündigungsantrag: Nur sein Grund lässt sich bearbeiten, und nur, bis er gesendet ist.</translation>
    </message>
    <message>
        <source>It is being sent or was sent: it can no longer be changed.</source>
        <translation>Er wird gerade gesendet oder wurde gesendet: Er kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>Choose an entry the panel refused: it is queued again as you wrote it, with a new key.</source>
        <translation>Wählen Sie einen Eintrag, den das Panel abgelehnt hat: Er wird so, wie Sie ihn geschrieben haben, mit einem neuen Schlüssel erneut eingereiht.</translation>
    </message>
    <message>
        <source>Copy what you wrote (the message or the reason) to the clipboard.</source>
        <translation>Kopiert, was Sie geschrieben haben (die Nachricht oder den Grund), in die Zwischenablage.</translation>
    </message>
    <message>
        <source>Choose a reply or a cancellation request: they hold text you wrote.</source>
        <translation>Wählen Sie eine Antwort oder eine Kündigungsanfrage: Sie enthalten Text, den Sie geschrieben haben.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Choose an entry first.</source>
        <translation>Wählen Sie zuerst einen Eintrag.</translation>
    </message>
    <message>
        <source>It is being sent: wait for the panel's answer.</source>
        <translation>Er wird gerade gesendet: Warten Sie auf die Antwort des Panels.</translation>
    </message>
    <message>
        <source>Edit reason</source>
        <translation>Grund bearbeiten</translation>
    </message>
    <message>
        <source>Why are you cancelling?</source>
        <translation>Warum kündigen Sie?</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>OutboxFeature</name>
    <message>
        <source>Its text is back in the ticket's reply box: open the ticket in Support to change it or send it again.</source>
        <translation>Der Text steht wieder im Antwortfeld des Tickets: Öffnen Sie das Ticket unter Support, um ihn zu ändern oder erneut zu senden.</translation>
    </message>
</context>
<context>
    <name>PageFeature</name>
    <message>
        <source>{error} The panel may have done it: asking again asks about this same request, so it is never done twice.</source>
        <translation>{error} Das Panel hat es möglicherweise schon ausgeführt: Erneutes Anfragen fragt nach genau dieser Anfrage, sodass es nie doppelt ausgeführt wird.</translation>
    </message>
</context>
<context>
    <name>PanelClient</name>
    <message>
        <source>{address} asked for a code but sent no two-factor token.</source>
        <translation>{address} fragte nach einem Code, schickte aber kein Token für die Zwei-Faktor-Anmeldung.</translation>
    </message>
    <message>
        <source>{address} answered with a refresh token Sett cannot use.</source>
        <translation>{address} antwortete mit einem Aktualisierungs-Token, das Sett nicht verwenden kann.</translation>
    </message>
    <message>
        <source>{address} answered without a token pair Sett can use.</source>
        <translation>{address} antwortete ohne ein Token-Paar, das Sett verwenden kann.</translation>
    </message>
</context>
<context>
    <name>PayDueBar</name>
    <message>
        <source>Pay all due…</source>
        <translation>Alles Fällige bezahlen…</translation>
    </message>
    <message>
        <source>Pay selected…</source>
        <translation>Auswahl bezahlen…</translation>
    </message>
    <message>
        <source>Pay all due ({count})…</source>
        <translation>Alles Fällige bezahlen ({count})…</translation>
    </message>
    <message>
        <source>Pay selected ({count})…</source>
        <translation>Auswahl bezahlen ({count})…</translation>
    </message>
    <message>
        <source>Offline: paying needs a connection to the panel.</source>
        <translation>Offline: Zum Bezahlen ist eine Verbindung zum Panel nötig.</translation>
    </message>
    <message>
        <source>Select unpaid invoices in the table (Ctrl+click) to pay them together</source>
        <translation>Wählen Sie unbezahlte Rechnungen in der Tabelle aus (Strg+Klick), um sie gemeinsam zu bezahlen</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Pay %n invoice(s)…</source>
        <translation>
            <numerusform>%n Rechnung &amp;bezahlen…</numerusform>
            <numerusform>%n Rechnungen &amp;bezahlen…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message>
        <source>Sorry, {products} is out of stock, so nothing was ordered and nothing was charged.</source>
        <translation>Leider ist {products} nicht vorrätig; es wurde daher nichts bestellt und nichts berechnet.</translation>
    </message>
    <message>
        <source>Your credits do not cover this. Choose another payment method or turn off paying by credits.</source>
        <translation>Ihr Guthaben reicht dafür nicht. Wählen Sie eine andere Zahlungsart oder schalten Sie die Zahlung mit Guthaben aus.</translation>
    </message>
    <message>
        <source>The panel could not be reached ({error}). Nothing was charged twice: press Try again and the panel will answer this same attempt.</source>
        <translation>Das Panel war nicht erreichbar ({error}). Es wurde nichts doppelt berechnet: Klicken Sie auf „Erneut versuchen“, und das Panel beantwortet genau diesen Versuch.</translation>
    </message>
    <message>
        <source>The panel ran into a problem ({error}). Try again in a moment.</source>
        <translation>Im Panel ist ein Problem aufgetreten ({error}). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Etwas ist schiefgegangen: {error}</translation>
    </message>
    <message>
        <source>your server {name} is active and running</source>
        <translation>Ihr Server {name} ist aktiv und läuft</translation>
    </message>
    <message>
        <source>your server is active and running</source>
        <translation>Ihr Server ist aktiv und läuft</translation>
    </message>
    <message>
        <source>your server {name} is being set up</source>
        <translation>Ihr Server {name} wird eingerichtet</translation>
    </message>
    <message>
        <source>your server is being set up</source>
        <translation>Ihr Server wird eingerichtet</translation>
    </message>
    <message>
        <source>the invoice</source>
        <translation>die Rechnung</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <source>Payment received for order {order} ({invoice} is paid). The order is awaiting approval by the panel's staff.</source>
        <translation>Zahlung für Bestellung {order} erhalten ({invoice} ist bezahlt). Die Bestellung wartet auf die Freigabe durch die Mitarbeiter des Panels.</translation>
    </message>
    <message>
        <source>Your services are being set up.</source>
        <translation>Ihre Dienste werden eingerichtet.</translation>
    </message>
    <message>
        <source>Payment received</source>
        <translation>Zahlung erhalten</translation>
    </message>
    <message>
        <source>{invoice}: {reason}</source>
        <translation>{invoice}: {reason}</translation>
    </message>
    <message>
        <source>invoice {id}</source>
        <translation>Rechnung {id}</translation>
    </message>
    <message numerus="yes">
        <source>Left out of this payment: %n invoice(s) the panel could not give just now ({invoices}). Each stays payable from Invoices.</source>
        <translation>
            <numerusform>Nicht in dieser Zahlung: %n Rechnung, die das Panel gerade nicht liefern konnte ({invoices}). Sie bleibt unter „Rechnungen“ bezahlbar.</numerusform>
            <numerusform>Nicht in dieser Zahlung: %n Rechnungen, die das Panel gerade nicht liefern konnten ({invoices}). Jede bleibt unter „Rechnungen“ bezahlbar.</numerusform>
        </translation>
    </message>
    <message>
        <source>{invoice} is no longer due at the panel ({status}): there is nothing to pay.</source>
        <translation>{invoice} ist beim Panel nicht mehr fällig ({status}): Es gibt nichts zu bezahlen.</translation>
    </message>
    <message>
        <source>{invoice} ({status})</source>
        <translation>{invoice} ({status})</translation>
    </message>
    <message numerus="yes">
        <source>Left out of this payment: %n invoice(s) no longer due at the panel ({invoices}).</source>
        <translation>
            <numerusform>Nicht in dieser Zahlung: %n Rechnung, die beim Panel nicht mehr fällig ist ({invoices}).</numerusform>
            <numerusform>Nicht in dieser Zahlung: %n Rechnungen, die beim Panel nicht mehr fällig sind ({invoices}).</numerusform>
        </translation>
    </message>
    <message>
        <source>The order could not be read from the panel just now; Orders shows what the panel has after the next sync.</source>
        <translation>Die Bestellung konnte gerade nicht vom Panel gelesen werden; Bestellungen zeigt nach der nächsten Synchronisierung, was das Panel hat.</translation>
    </message>
    <message>
        <source>An invoice this payment covers could not be read from the panel just now; Invoices shows what the panel has after the next sync.</source>
        <translation>Eine Rechnung dieser Zahlung konnte gerade nicht vom Panel gelesen werden; Rechnungen zeigt nach der nächsten Synchronisierung, was das Panel hat.</translation>
    </message>
    <message>
        <source>A service this payment covers could not be read from the panel just now; Services shows what the panel has after the next sync.</source>
        <translation>Ein Dienst dieser Zahlung konnte gerade nicht vom Panel gelesen werden; Dienste zeigt nach der nächsten Synchronisierung, was das Panel hat.</translation>
    </message>
    <message>
        <source>Payment received: order {order}, invoice {invoice} paid. {then}</source>
        <translation>Zahlung erhalten: Bestellung {order}, Rechnung {invoice} bezahlt. {then}</translation>
    </message>
    <message>
        <source>Payment received: {amount} added to your credits.</source>
        <translation>Zahlung erhalten: {amount} wurden Ihrem Guthaben gutgeschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Payment received: %n invoice(s) paid ({invoices}).</source>
        <translation>
            <numerusform>Zahlung erhalten: %n Rechnung bezahlt ({invoices}).</numerusform>
            <numerusform>Zahlung erhalten: %n Rechnungen bezahlt ({invoices}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Payment received: {invoice} is paid.</source>
        <translation>Zahlung erhalten: {invoice} ist bezahlt.</translation>
    </message>
    <message>
        <source>Payment cancelled</source>
        <translation>Zahlung abgebrochen</translation>
    </message>
    <message>
        <source>Payment cancelled: {invoice} stays payable from Invoices. The order stays unpaid.</source>
        <translation>Zahlung abgebrochen: {invoice} bleibt unter Rechnungen bezahlbar. Die Bestellung bleibt unbezahlt.</translation>
    </message>
    <message>
        <source>Payment cancelled: {invoice} stays payable from Invoices.</source>
        <translation>Zahlung abgebrochen: {invoice} bleibt unter Rechnungen bezahlbar.</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>Zahlung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The payment failed: {invoice} stays payable from Invoices.</source>
        <translation>Die Zahlung ist fehlgeschlagen: {invoice} bleibt unter Rechnungen bezahlbar.</translation>
    </message>
    <message>
        <source>Payment left open.</source>
        <translation>Zahlung offen gelassen.</translation>
    </message>
    <message>
        <source>{invoice} stays payable from Invoices, where Cancel top-up takes it back; nothing was charged.</source>
        <translation>{invoice} bleibt unter Rechnungen bezahlbar, wo „Aufladung stornieren“ sie zurücknimmt; es wurde nichts abgebucht.</translation>
    </message>
    <message>
        <source>{invoice} stays payable from Invoices; nothing more was charged.</source>
        <translation>{invoice} bleibt unter Rechnungen bezahlbar; es wurde nichts weiter berechnet.</translation>
    </message>
    <message>
        <source>Payment pending</source>
        <translation>Zahlung ausstehend</translation>
    </message>
    <message>
        <source>The gateway has not confirmed the payment yet. {invoice} shows as paid under Invoices once the panel hears from the gateway.</source>
        <translation>Der Zahlungsanbieter hat die Zahlung noch nicht bestätigt. {invoice} erscheint unter Rechnungen als bezahlt, sobald das Panel die Bestätigung erhält.</translation>
    </message>
    <message>
        <source>Payment pending.</source>
        <translation>Zahlung ausstehend.</translation>
    </message>
</context>
<context>
    <name>PdfBatchDialog</name>
    <message>
        <source>Save all PDFs</source>
        <translation>Alle PDFs speichern</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>every account's invoices</source>
        <translation>die Rechnungen aller Konten</translation>
    </message>
    <message>
        <source>this account's invoices</source>
        <translation>die Rechnungen dieses Kontos</translation>
    </message>
    <message>
        <source>One PDF per invoice issued in the period ({scope}), from the saved data. Invoices whose details were never downloaded are skipped.</source>
        <translation>Ein PDF je im Zeitraum ausgestellter Rechnung ({scope}), aus den gespeicherten Daten. Rechnungen, deren Details nie heruntergeladen wurden, werden übersprungen.</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <source>Fo&amp;lder</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Folder for the PDFs</source>
        <translation>Ordner für die PDFs</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Could not change starting at login: {error}</source>
        <translation>Der Start bei der Anmeldung konnte nicht geändert werden: {error}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Only when asked</source>
        <translation>Nur auf Anforderung</translation>
    </message>
    <message>
        <source>Ask every account's panel this often whether anything changed (one small request; a full sync only when something did). 0: only at start and when you ask</source>
        <translation>So oft wird das Panel jedes Kontos gefragt, ob sich etwas geändert hat (eine kleine Anfrage; eine volle Synchronisierung nur bei Änderungen). 0: nur beim Start und auf Anforderung</translation>
    </message>
    <message>
        <source>Check for changes &amp;every</source>
        <translation>Auf Änderungen &amp;prüfen alle</translation>
    </message>
    <message>
        <source>Remind of &amp;due invoices</source>
        <translation>An &amp;fällige Rechnungen erinnern</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>Set for this run by the command line (--theme {theme}); the saved choice is “{saved}”.</source>
        <translation>Für diesen Start über die Befehlszeile festgelegt (--theme {theme}); gespeichert ist „{saved}“.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Sp&amp;rache</translation>
    </message>
    <message>
        <source>Show desktop &amp;notifications for new notices and reminders</source>
        <translation>Desktop-&amp;Benachrichtigungen für neue Mitteilungen und Erinnerungen anzeigen</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window closes</source>
        <translation>Beim Schließen des Fensters im Infobereich &amp;weiterlaufen</translation>
    </message>
    <message>
        <source>&amp;Start Sett when I log in</source>
        <translation>Sett bei der &amp;Anmeldung starten</translation>
    </message>
    <message>
        <source> days before</source>
        <translation> Tage vorher</translation>
    </message>
    <message>
        <source>On the due date</source>
        <translation>Am Fälligkeitstag</translation>
    </message>
    <message>
        <source>The language of Sett's menus and screens</source>
        <translation>Die Sprache der Menüs und Ansichten von Sett</translation>
    </message>
    <message>
        <source>Sett shows the new language when it next starts.</source>
        <translation>Sett zeigt die neue Sprache beim nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Jetzt neu starten</translation>
    </message>
    <message>
        <source>Quit Sett and start it again in the chosen language; nothing you did is lost (what waits to be sent stays in the outbox)</source>
        <translation>Sett beenden und in der gewählten Sprache neu starten; nichts geht verloren (was noch gesendet werden muss, bleibt im Postausgang)</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons, so closing the window quits Sett.</source>
        <translation>Diese Arbeitsumgebung zeigt keine Symbole im Infobereich, daher beendet das Schließen des Fensters Sett.</translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>unknown coupon type {kind}</source>
        <translation>unbekannte Gutscheinart {kind}</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>disk</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <source>This product</source>
        <translation>Dieses Produkt</translation>
    </message>
    <message>
        <source>{product} does not let you choose {resource}</source>
        <translation>Bei {product} lässt sich {resource} nicht wählen</translation>
    </message>
    <message>
        <source>{resource} must be a whole number</source>
        <translation>{resource} muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>{resource} must be from {low}{unit} to {high}{unit} in steps of {step}{unit}</source>
        <translation>{resource} muss zwischen {low}{unit} und {high}{unit} liegen, in Schritten von {step}{unit}</translation>
    </message>
    <message>
        <source>{resource} must be from {low}{unit} to {high}{unit}</source>
        <translation>{resource} muss zwischen {low}{unit} und {high}{unit} liegen</translation>
    </message>
    <message>
        <source>{product} is not sold with the billing cycle {cycle}</source>
        <translation>{product} wird nicht mit dem Abrechnungszeitraum {cycle} verkauft</translation>
    </message>
    <message>
        <source>{product} has no {resource} size to price</source>
        <translation>{product} hat keine {resource}-Größe, nach der sich der Preis richten könnte</translation>
    </message>
    <message>
        <source>unknown pricing type {kind}</source>
        <translation>unbekannte Preisart {kind}</translation>
    </message>
    <message>
        <source>{size} RAM</source>
        <translation>{size} RAM</translation>
    </message>
    <message>
        <source>{size} disk</source>
        <translation>{size} Speicherplatz</translation>
    </message>
    <message>
        <source>quantity must be a whole number from 1 to {limit}</source>
        <translation>Die Menge muss eine ganze Zahl von 1 bis {limit} sein</translation>
    </message>
    <message>
        <source>Setup fee: {product}</source>
        <translation>Einrichtungsgebühr: {product}</translation>
    </message>
</context>
<context>
    <name>ProductCard</name>
    <message numerus="yes">
        <source>Only %n left</source>
        <translation>
            <numerusform>Nur noch %n verfügbar</numerusform>
            <numerusform>Nur noch %n verfügbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message>
        <source>From {price}</source>
        <translation>Ab {price}</translation>
    </message>
    <message>
        <source>+ {amount} setup fee</source>
        <translation>+ {amount} Einrichtungsgebühr</translation>
    </message>
    <message>
        <source>from {price}</source>
        <translation>ab {price}</translation>
    </message>
    <message>
        <source>Also {prices}</source>
        <translation>Auch {prices}</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <source>Choose options  ›</source>
        <translation>Optionen wählen  ›</translation>
    </message>
    <message>
        <source>Open this product to choose its billing cycle and size</source>
        <translation>Öffnen Sie dieses Produkt, um Abrechnungszeitraum und Größe zu wählen</translation>
    </message>
</context>
<context>
    <name>ProductPage</name>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>One-time service, billed once</source>
        <translation>Einmalige Leistung, einmal berechnet</translation>
    </message>
    <message>
        <source>unlimited swap</source>
        <translation>unbegrenzter Swap</translation>
    </message>
    <message>
        <source>{size} swap</source>
        <translation>{size} Swap</translation>
    </message>
    <message numerus="yes">
        <source>%n database(s)</source>
        <translation>
            <numerusform>%n Datenbank</numerusform>
            <numerusform>%n Datenbanken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n Backup</numerusform>
            <numerusform>%n Backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n port allocation(s)</source>
        <translation>
            <numerusform>%n Port-Zuweisung</numerusform>
            <numerusform>%n Port-Zuweisungen</numerusform>
        </translation>
    </message>
    <message>
        <source>I/O priority {priority}</source>
        <translation>E/A-Priorität {priority}</translation>
    </message>
    <message>
        <source>save {percent}% against monthly</source>
        <translation>{percent} % günstiger als monatlich</translation>
    </message>
    <message>
        <source>{resource} amount</source>
        <translation>{resource}: Menge</translation>
    </message>
    <message>
        <source>← All products</source>
        <translation>← Alle Produkte</translation>
    </message>
    <message>
        <source>Billing cycle</source>
        <translation>Abrechnungszeitraum</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Add to Cart</source>
        <translation>In den Warenkorb</translation>
    </message>
    <message>
        <source>View cart</source>
        <translation>Warenkorb ansehen</translation>
    </message>
    <message>
        <source>{stock}: at most {limit}</source>
        <translation>{stock}: höchstens {limit}</translation>
    </message>
    <message>
        <source>{cycle}: {price} per GB</source>
        <translation>{cycle}: {price} pro GB</translation>
    </message>
    <message>
        <source>{cycle}: {price} base</source>
        <translation>{cycle}: {price} Grundpreis</translation>
    </message>
    <message>
        <source>{cycle}: {price}</source>
        <translation>{cycle}: {price}</translation>
    </message>
    <message>
        <source>{choice} + {amount} setup</source>
        <translation>{choice} + {amount} Einrichtung</translation>
    </message>
    <message>
        <source>{choice} ({saving})</source>
        <translation>{choice} ({saving})</translation>
    </message>
    <message>
        <source>This product is out of stock.</source>
        <translation>Dieses Produkt ist nicht vorrätig.</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <source>Price {price}</source>
        <translation>Preis {price}</translation>
    </message>
    <message>
        <source>+ {amount} setup fee, charged once</source>
        <translation>+ {amount} Einrichtungsgebühr, einmalig berechnet</translation>
    </message>
</context>
<context>
    <name>RecentOrders</name>
    <message>
        <source>No orders yet.</source>
        <translation>Noch keine Bestellungen.</translation>
    </message>
    <message>
        <source>All orders →</source>
        <translation>Alle Bestellungen →</translation>
    </message>
    <message>
        <source>Recent orders</source>
        <translation>Letzte Bestellungen</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Back ({keys})</source>
        <translation>Zurück ({keys})</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>← {place}</source>
        <translation>← {place}</translation>
    </message>
</context>
<context>
    <name>RowMenu</name>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>ScopeToggle</name>
    <message>
        <source>This account</source>
        <translation>Dieses Konto</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No system keyring is available, so Sett keeps your login only while it runs and will ask for your password again next time.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar. Sett behält Ihre Anmeldung daher nur, solange es läuft, und fragt beim nächsten Start erneut nach Ihrem Passwort.</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
</context>
<context>
    <name>ServerCard</name>
    <message numerus="yes">
        <source>%n database(s)</source>
        <translation>
            <numerusform>%n Datenbank</numerusform>
            <numerusform>%n Datenbanken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n Backup</numerusform>
            <numerusform>%n Backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n port(s)</source>
        <translation>
            <numerusform>%n Port</numerusform>
            <numerusform>%n Ports</numerusform>
        </translation>
    </message>
    <message>
        <source>Manage server</source>
        <translation>Server verwalten</translation>
    </message>
    <message>
        <source>Opens the panel's page for this server in your web browser.</source>
        <translation>Öffnet die Seite des Panels für diesen Server in Ihrem Webbrowser.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the server's address</source>
        <translation>Adresse des Servers kopieren</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Not provisioned yet: the server appears here once the service is active.</source>
        <translation>Noch nicht bereitgestellt: Der Server erscheint hier, sobald der Dienst aktiv ist.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>No address (none assigned, or released when the server ended)</source>
        <translation>Keine Adresse (keine zugewiesen oder beim Beenden des Servers freigegeben)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
</context>
<context>
    <name>ServerLinks</name>
    <message>
        <source>The panel gave no page for managing this server.</source>
        <translation>Das Panel hat keine Seite zur Verwaltung dieses Servers angegeben.</translation>
    </message>
    <message>
        <source>Sett did not open the server's management link: it is not a web address (http or https), so it could run something on this computer.</source>
        <translation>Sett hat den Verwaltungslink des Servers nicht geöffnet: Er ist keine Webadresse (http oder https) und könnte daher etwas auf diesem Computer ausführen.</translation>
    </message>
    <message>
        <source>Sett did not open the server's management link: it points to {host}, not to this account's panel. Ask the panel's operator about it.</source>
        <translation>Sett hat den Verwaltungslink des Servers nicht geöffnet: Er zeigt auf {host}, nicht auf das Panel dieses Kontos. Fragen Sie den Betreiber des Panels danach.</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <source>Standard configuration</source>
        <translation>Standardkonfiguration</translation>
    </message>
    <message>
        <source>No cancellation requested.</source>
        <translation>Keine Kündigung beantragt.</translation>
    </message>
    <message>
        <source>at the end of the period</source>
        <translation>zum Ende des Zeitraums</translation>
    </message>
    <message>
        <source>immediately</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>Cancellation requested</source>
        <translation>Kündigung beantragt</translation>
    </message>
    <message>
        <source>Cancellation approved</source>
        <translation>Kündigung genehmigt</translation>
    </message>
    <message>
        <source>Cancellation rejected</source>
        <translation>Kündigung abgelehnt</translation>
    </message>
    <message>
        <source>Cancellation: {status}</source>
        <translation>Kündigung: {status}</translation>
    </message>
    <message>
        <source>{request}, waiting in the Outbox</source>
        <translation>{request}, wartet im Postausgang</translation>
    </message>
    <message>
        <source>{request} ({when}). Reason: {reason}</source>
        <translation>{request} ({when}). Grund: {reason}</translation>
    </message>
    <message>
        <source>{request} ({when}).</source>
        <translation>{request} ({when}).</translation>
    </message>
    <message>
        <source>← All services</source>
        <translation>← Alle Dienste</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Billing cycle</source>
        <translation>Abrechnungszeitraum</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Nächste Fälligkeit</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <source>Get help with this</source>
        <translation>Hilfe anfragen</translation>
    </message>
    <message>
        <source>Opens a new support ticket about this service.</source>
        <translation>Öffnet ein neues Support-Ticket zu diesem Dienst.</translation>
    </message>
    <message>
        <source>Request cancellation…</source>
        <translation>Kündigung beantragen…</translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation>Antrag zurückziehen</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Bezahlen</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Loading invoices…</source>
        <translation>Rechnungen werden geladen…</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>{server} ({status})</source>
        <translation>{server} ({status})</translation>
    </message>
    <message>
        <source>Not provisioned yet</source>
        <translation>Noch nicht bereitgestellt</translation>
    </message>
    <message>
        <source>{status} · cancellation {request}</source>
        <translation>{status} · Kündigung {request}</translation>
    </message>
    <message numerus="yes">
        <source>%n invoice(s)</source>
        <translation>
            <numerusform>%n Rechnung</numerusform>
            <numerusform>%n Rechnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No invoices for this service yet.</source>
        <translation>Noch keine Rechnungen für diesen Dienst.</translation>
    </message>
    <message>
        <source>the unpaid invoice</source>
        <translation>die unbezahlte Rechnung</translation>
    </message>
    <message>
        <source>This service is suspended. Pay {invoice} ({amount}) to reactivate it.</source>
        <translation>Dieser Dienst ist gesperrt. Bezahlen Sie {invoice} ({amount}), um ihn wieder zu aktivieren.</translation>
    </message>
    <message>
        <source>This service is suspended. Pay {invoice} to reactivate it.</source>
        <translation>Dieser Dienst ist gesperrt. Bezahlen Sie {invoice}, um ihn wieder zu aktivieren.</translation>
    </message>
    <message>
        <source>Pay {invoice}</source>
        <translation>{invoice} bezahlen</translation>
    </message>
    <message>
        <source>Pay {invoice} to reactivate</source>
        <translation>{invoice} bezahlen, um wieder zu aktivieren</translation>
    </message>
    <message>
        <source>This service is suspended. Contact the provider to reactivate it.</source>
        <translation>Dieser Dienst ist gesperrt. Wenden Sie sich an den Anbieter, um ihn wieder zu aktivieren.</translation>
    </message>
    <message>
        <source>Offline: cancelling or withdrawing needs a connection to the panel.</source>
        <translation>Offline: Zum Kündigen oder Zurückziehen ist eine Verbindung zum Panel nötig.</translation>
    </message>
    <message>
        <source>this service</source>
        <translation>diesen Dienst</translation>
    </message>
    <message>
        <source>Help with {product}</source>
        <translation>Hilfe zu {product}</translation>
    </message>
    <message>
        <source>Help with my service</source>
        <translation>Hilfe zu meinem Dienst</translation>
    </message>
</context>
<context>
    <name>ServicePages</name>
    <message>
        <source>The invoices could not be loaded. {reason}</source>
        <translation>Die Rechnungen konnten nicht geladen werden. {reason}</translation>
    </message>
    <message>
        <source>No web browser could be opened. The server's page is {url}</source>
        <translation>Es konnte kein Webbrowser geöffnet werden. Die Seite des Servers ist {url}</translation>
    </message>
    <message>
        <source>Opened the server's page in your web browser.</source>
        <translation>Die Seite des Servers wurde in Ihrem Webbrowser geöffnet.</translation>
    </message>
    <message>
        <source>Request cancellation of {service} (immediately)</source>
        <translation>Kündigung von {service} beantragen (sofort)</translation>
    </message>
    <message>
        <source>Request cancellation of {service} (at the end of the period)</source>
        <translation>Kündigung von {service} beantragen (zum Ende des Zeitraums)</translation>
    </message>
    <message>
        <source>Cancellation requested. The panel's operators will review it; you can withdraw it until then.</source>
        <translation>Kündigung beantragt. Die Betreiber des Panels prüfen sie; bis dahin können Sie sie zurückziehen.</translation>
    </message>
    <message>
        <source>Withdraw the cancellation request of {service}</source>
        <translation>Kündigungsantrag für {service} zurückziehen</translation>
    </message>
    <message>
        <source>Cancellation request withdrawn.</source>
        <translation>Kündigungsantrag zurückgezogen.</translation>
    </message>
    <message>
        <source>the service</source>
        <translation>den Dienst</translation>
    </message>
    <message>
        <source>Queued in the Outbox: Sett sends it once you sign in again. You can edit or remove it in the Outbox until then.</source>
        <translation>Im Postausgang: Sett sendet es, sobald Sie sich erneut anmelden. Bis dahin können Sie es im Postausgang bearbeiten oder entfernen.</translation>
    </message>
    <message>
        <source>Queued in the Outbox: Sett sends it once the panel is back. You can edit or remove it in the Outbox until then.</source>
        <translation>Im Postausgang vorgemerkt: Sett sendet es, sobald das Panel wieder erreichbar ist. Bis dahin können Sie es im Postausgang bearbeiten oder entfernen.</translation>
    </message>
    <message>
        <source>Not queued. {reason}</source>
        <translation>Nicht in den Postausgang gelegt. {reason}</translation>
    </message>
    <message>
        <source>Putting it in the Outbox…</source>
        <translation>Wird in den Postausgang gelegt…</translation>
    </message>
    <message>
        <source>Asking the panel…</source>
        <translation>Das Panel wird gefragt…</translation>
    </message>
</context>
<context>
    <name>ServicesList</name>
    <message>
        <source>{status} · cancelling</source>
        <translation>{status} · gekündigt</translation>
    </message>
</context>
<context>
    <name>ServicesSection</name>
    <message>
        <source>{count} {status}</source>
        <translation>{count} {status}</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Search services</source>
        <translation>Dienste durchsuchen</translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <source>The list of accounts could not be read, so Sett started with none; the damaged file was kept as {path}.</source>
        <translation>Die Kontenliste konnte nicht gelesen werden, daher ist Sett ohne Konten gestartet; die beschädigte Datei wurde als {path} aufbewahrt.</translation>
    </message>
    <message>
        <source>The panel asked Sett to wait before syncing again.</source>
        <translation>Das Panel hat Sett gebeten zu warten, bevor erneut synchronisiert wird.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Ctrl+F</source>
        <translation>Strg+F</translation>
    </message>
    <message>
        <source>Search the list on screen; from a record's page, back to its list's search</source>
        <translation>Die Liste auf dem Bildschirm durchsuchen; von der Seite eines Eintrags zurück zur Suche seiner Liste</translation>
    </message>
    <message>
        <source>Enter, Space on a card</source>
        <translation>Eingabetaste, Leertaste auf einer Karte</translation>
    </message>
    <message>
        <source>Open the selected row of a list, the focused product in the Store or the focused card on the Dashboard</source>
        <translation>Die gewählte Zeile einer Liste öffnen, im Shop das Produkt mit dem Fokus oder in der Übersicht die Karte mit dem Fokus</translation>
    </message>
    <message>
        <source>Down, Enter in a search</source>
        <translation>Pfeil nach unten, Eingabetaste in einer Suche</translation>
    </message>
    <message>
        <source>Go to the first row found; Enter opens it when it is the only one</source>
        <translation>Zur ersten gefundenen Zeile gehen; die Eingabetaste öffnet sie, wenn sie die einzige ist</translation>
    </message>
    <message>
        <source>Escape in a search</source>
        <translation>Esc in einer Suche</translation>
    </message>
    <message>
        <source>Clear it</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Escape or Alt+Left</source>
        <translation>Esc oder Alt+Links</translation>
    </message>
    <message>
        <source>Back from an invoice, service, order, ticket or product to where it was opened from</source>
        <translation>Von einer Rechnung, einem Dienst, einer Bestellung, einem Ticket oder Produkt zurück dorthin, wo sie geöffnet wurden</translation>
    </message>
    <message>
        <source>Menu key, Shift+F10</source>
        <translation>Menütaste, Umschalt+F10</translation>
    </message>
    <message>
        <source>The selected rows' menu (or a right click): Open, Copy, Pay</source>
        <translation>Das Menü der gewählten Zeilen (oder ein Rechtsklick): Öffnen, Kopieren, Bezahlen</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Strg+Eingabetaste</translation>
    </message>
    <message>
        <source>Send a reply, a new ticket or a cancellation's reason</source>
        <translation>Eine Antwort, ein neues Ticket oder einen Kündigungsgrund senden</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>In the Outbox, remove the selected entry (one not being sent)</source>
        <translation>Im Postausgang den gewählten Eintrag entfernen (einen, der nicht gerade gesendet wird)</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <source>Move through a screen or dialog in reading order</source>
        <translation>In Lesereihenfolge durch eine Ansicht oder einen Dialog gehen</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Was sie tun</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>OVERVIEW</source>
        <translation>ÜBERBLICK</translation>
    </message>
    <message>
        <source>SHOP</source>
        <translation>EINKAUFEN</translation>
    </message>
    <message>
        <source>MANAGE</source>
        <translation>VERWALTEN</translation>
    </message>
    <message>
        <source>{title}: {counted}</source>
        <translation>{title}: {counted}</translation>
    </message>
    <message>
        <source>{title} ({badge})</source>
        <translation>{title} ({badge})</translation>
    </message>
    <message>
        <source>{screen} ({keys})</source>
        <translation>{screen} ({keys})</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Sync now (Ctrl+R)</source>
        <translation>Jetzt synchronisieren (Strg+R)</translation>
    </message>
    <message>
        <source>Rename or remove accounts</source>
        <translation>Konten umbenennen oder entfernen</translation>
    </message>
    <message>
        <source>Manage accounts</source>
        <translation>Konten verwalten</translation>
    </message>
    <message>
        <source>Switch between the light and the dark theme</source>
        <translation>Zwischen hellem und dunklem Design wechseln</translation>
    </message>
    <message>
        <source>Switch theme</source>
        <translation>Design wechseln</translation>
    </message>
    <message>
        <source>About Sett (F1)</source>
        <translation>Über Sett (F1)</translation>
    </message>
    <message>
        <source>About Sett</source>
        <translation>Über Sett</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Billing unavailable</source>
        <translation>Abrechnung nicht verfügbar</translation>
    </message>
    <message numerus="yes">
        <source>Notifications, %n unread</source>
        <translation>
            <numerusform>Benachrichtigungen, %n ungelesen</numerusform>
            <numerusform>Benachrichtigungen, %n ungelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SizeFields</name>
    <message>
        <source>CPU time: 1 core is one processor core's full time; 0.5 cores is half of it</source>
        <translation>CPU-Zeit: 1 Kern ist die volle Zeit eines Prozessorkerns; 0,5 Kerne sind die Hälfte davon</translation>
    </message>
</context>
<context>
    <name>SpendingChart</name>
    <message>
        <source>Spending per month</source>
        <translation>Ausgaben pro Monat</translation>
    </message>
    <message>
        <source>Spending per month: nothing paid in these 12 months</source>
        <translation>Ausgaben pro Monat: in diesen 12 Monaten nichts bezahlt</translation>
    </message>
    <message>
        <source>Spending per month: {totals}</source>
        <translation>Ausgaben pro Monat: {totals}</translation>
    </message>
    <message>
        <source>Spending per month: nothing paid yet</source>
        <translation>Ausgaben pro Monat: noch nichts bezahlt</translation>
    </message>
</context>
<context>
    <name>StartRefused</name>
    <message>
        <source>Sett is already running for this data folder, but it did not answer, so this start stopped. If Sett is closing, start it again in a moment; otherwise close the running Sett first.</source>
        <translation>Sett läuft bereits für diesen Datenordner, hat aber nicht geantwortet, daher wurde dieser Start abgebrochen. Wenn Sett gerade beendet wird, starten Sie es gleich noch einmal; andernfalls beenden Sie zuerst das laufende Sett.</translation>
    </message>
    <message>
        <source>Sett could not start: it cannot lock its data folder, so another Sett may be using it. Check that the folder can be written to, then start Sett again.</source>
        <translation>Sett konnte nicht starten: Der Datenordner lässt sich nicht sperren, vielleicht verwendet ihn ein anderes Sett. Prüfen Sie, ob der Ordner beschreibbar ist, und starten Sie Sett dann erneut.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Requires action</source>
        <translation>Aktion erforderlich</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Installing</source>
        <translation>Wird installiert</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Awaiting reply</source>
        <translation>Wartet auf Antwort</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Technik</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Vertrieb</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Verlängerung</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>Aufladung</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Card (Stripe)</source>
        <translation>Karte (Stripe)</translation>
    </message>
    <message>
        <source>Immediately</source>
        <translation>Sofort</translation>
    </message>
    <message>
        <source>End of period</source>
        <translation>Ende des Zeitraums</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Not syncing</source>
        <translation>Keine Synchronisierung</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Kein Konto</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Last synced just now</source>
        <translation>Gerade eben synchronisiert</translation>
    </message>
    <message>
        <source>Last synced {when}</source>
        <translation>Zuletzt synchronisiert {when}</translation>
    </message>
    <message>
        <source>Last synced today at {time}</source>
        <translation>Heute um {time} synchronisiert</translation>
    </message>
    <message>
        <source>Last synced {date} at {time}</source>
        <translation>Am {date} um {time} synchronisiert</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Synchronisierungsfortschritt</translation>
    </message>
    <message>
        <source>{state} — {detail}</source>
        <translation>{state} — {detail}</translation>
    </message>
    <message>
        <source>{step}…</source>
        <translation>{step}…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
</context>
<context>
    <name>StatusChip</name>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
</context>
<context>
    <name>StatusFilter</name>
    <message>
        <source>All invoices</source>
        <translation>Alle Rechnungen</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>Unbezahlt</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>Alle Bestellungen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Dienste</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>Alle Tickets</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Awaiting reply</source>
        <translation>Wartet auf Antwort</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
</context>
<context>
    <name>StatusNotes</name>
    <message>
        <source>sign in to sync</source>
        <translation>zum Synchronisieren anmelden</translation>
    </message>
    <message>
        <source>the data saved on this computer needs attention</source>
        <translation>die auf diesem Computer gespeicherten Daten brauchen Aufmerksamkeit</translation>
    </message>
    <message>
        <source>{host} cannot be reached since {time}; showing saved data</source>
        <translation>{host} ist seit {time} nicht erreichbar; gespeicherte Daten werden angezeigt</translation>
    </message>
    <message>
        <source>{host} cannot be reached; showing saved data</source>
        <translation>{host} ist nicht erreichbar; gespeicherte Daten werden angezeigt</translation>
    </message>
</context>
<context>
    <name>StoreSection</name>
    <message>
        <source>Store</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Search products</source>
        <translation>Produkte durchsuchen</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Connect to the panel to see the store.</source>
        <translation>Verbinden Sie sich mit dem Panel, um den Shop zu sehen.</translation>
    </message>
    <message>
        <source>Nothing for sale yet</source>
        <translation>Noch nichts im Angebot</translation>
    </message>
    <message>
        <source>This panel has no products on offer at the moment.</source>
        <translation>Dieses Panel bietet derzeit keine Produkte an.</translation>
    </message>
    <message>
        <source>Hosting from {panel}.</source>
        <translation>Hosting von {panel}.</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>Alle Produkte</translation>
    </message>
    <message>
        <source>{category} ({count})</source>
        <translation>{category} ({count})</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n Produkt</numerusform>
            <numerusform>%n Produkte</numerusform>
        </translation>
    </message>
    <message>
        <source>No products match your search</source>
        <translation>Keine Produkte passen zu Ihrer Suche</translation>
    </message>
    <message>
        <source>The search looks in every category; try other words.</source>
        <translation>Die Suche durchsucht alle Kategorien; versuchen Sie andere Begriffe.</translation>
    </message>
    <message>
        <source>No products in this category</source>
        <translation>Keine Produkte in dieser Kategorie</translation>
    </message>
    <message>
        <source>Try another category.</source>
        <translation>Versuchen Sie eine andere Kategorie.</translation>
    </message>
    <message numerus="yes">
        <source>Show more (%Ln not shown)</source>
        <translation>
            <numerusform>Mehr anzeigen (%Ln weiteres)</numerusform>
            <numerusform>Mehr anzeigen (%Ln weitere)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Support</name>
    <message>
        <source>Billing</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Technik</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Vertrieb</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Awaiting reply</source>
        <translation>Wartet auf Antwort</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>The message is empty: write what you need help with.</source>
        <translation>Die Nachricht ist leer: Schreiben Sie, wobei Sie Hilfe brauchen.</translation>
    </message>
    <message>
        <source>The message holds a NUL character, which the panel refuses; remove it.</source>
        <translation>Die Nachricht enthält ein NUL-Zeichen, das das Panel ablehnt; entfernen Sie es.</translation>
    </message>
    <message>
        <source>The message is {length} characters long; at most {limit} are allowed.</source>
        <translation>Die Nachricht ist {length} Zeichen lang; erlaubt sind höchstens {limit}.</translation>
    </message>
    <message>
        <source>Give the ticket a subject: a few words about what it is about.</source>
        <translation>Geben Sie dem Ticket einen Betreff: ein paar Worte, worum es geht.</translation>
    </message>
    <message>
        <source>The subject is {length} characters long; at most {limit} are allowed.</source>
        <translation>Der Betreff ist {length} Zeichen lang; erlaubt sind höchstens {limit}.</translation>
    </message>
    <message>
        <source>Choose a department: billing, technical or sales.</source>
        <translation>Wählen Sie eine Abteilung: Abrechnung, Technik oder Vertrieb.</translation>
    </message>
</context>
<context>
    <name>SupportPages</name>
    <message>
        <source>The conversation could not be loaded. {reason}</source>
        <translation>Der Verlauf konnte nicht geladen werden. {reason}</translation>
    </message>
    <message>
        <source>Reply sent.</source>
        <translation>Antwort gesendet.</translation>
    </message>
    <message>
        <source>Reply to {ticket}</source>
        <translation>Antwort auf {ticket}</translation>
    </message>
    <message>
        <source>Reply to the ticket</source>
        <translation>Antwort auf das Ticket</translation>
    </message>
    <message>
        <source>Queued in the Outbox: Sett sends your reply once you sign in again. You can remove it in the Outbox until then.</source>
        <translation>Im Postausgang: Sett sendet Ihre Antwort, sobald Sie sich erneut anmelden. Bis dahin können Sie sie im Postausgang entfernen.</translation>
    </message>
    <message>
        <source>Queued in the Outbox: Sett sends your reply once the panel is back. You can remove it in the Outbox until then.</source>
        <translation>Im Postausgang vorgemerkt: Sett sendet Ihre Antwort, sobald das Panel wieder erreichbar ist. Bis dahin können Sie sie im Postausgang entfernen.</translation>
    </message>
    <message>
        <source>Not queued. {reason}</source>
        <translation>Nicht in den Postausgang gelegt. {reason}</translation>
    </message>
    <message>
        <source>Putting your reply in the Outbox…</source>
        <translation>Ihre Antwort wird in den Postausgang gelegt…</translation>
    </message>
    <message>
        <source>Ticket closed. Writing again reopens it.</source>
        <translation>Ticket geschlossen. Eine neue Nachricht öffnet es wieder.</translation>
    </message>
    <message>
        <source>Asking the panel…</source>
        <translation>Das Panel wird gefragt…</translation>
    </message>
    <message>
        <source>Ticket {number} sent. You will be notified when support replies.</source>
        <translation>Ticket {number} gesendet. Sie werden benachrichtigt, wenn der Support antwortet.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
</context>
<context>
    <name>SupportSection</name>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>New ticket…</source>
        <translation>Neues Ticket…</translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation>Tickets durchsuchen</translation>
    </message>
    <message>
        <source>No tickets yet</source>
        <translation>Noch keine Tickets</translation>
    </message>
    <message numerus="yes">
        <source>%n open ticket(s).</source>
        <translation>
            <numerusform>%n offenes Ticket.</numerusform>
            <numerusform>%n offene Tickets.</numerusform>
        </translation>
    </message>
    <message>
        <source>Questions about an invoice or a service? Ask here.</source>
        <translation>Fragen zu einer Rechnung oder einem Dienst? Fragen Sie hier.</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>Neues Ticket</translation>
    </message>
    <message>
        <source>Support tickets are not available</source>
        <translation>Support-Tickets sind nicht verfügbar</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Tickets of all accounts</source>
        <translation>Tickets aller Konten</translation>
    </message>
    <message>
        <source>this panel</source>
        <translation>diesem Panel</translation>
    </message>
    <message>
        <source>Support tickets are not available on {panel}</source>
        <translation>Support-Tickets sind auf {panel} nicht verfügbar</translation>
    </message>
    <message>
        <source>About invoice {number}.</source>
        <translation>Zur Rechnung {number}.</translation>
    </message>
    <message>
        <source>About your service {name}.</source>
        <translation>Zu Ihrem Dienst {name}.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Checking the panel</source>
        <translation>Panel wird geprüft</translation>
    </message>
    <message>
        <source>Reading billing settings</source>
        <translation>Abrechnungseinstellungen werden gelesen</translation>
    </message>
    <message>
        <source>Syncing categories</source>
        <translation>Kategorien werden synchronisiert</translation>
    </message>
    <message>
        <source>Syncing products</source>
        <translation>Produkte werden synchronisiert</translation>
    </message>
    <message>
        <source>Syncing services</source>
        <translation>Dienste werden synchronisiert</translation>
    </message>
    <message>
        <source>Syncing invoices</source>
        <translation>Rechnungen werden synchronisiert</translation>
    </message>
    <message>
        <source>Syncing orders</source>
        <translation>Bestellungen werden synchronisiert</translation>
    </message>
    <message>
        <source>Syncing credit transactions</source>
        <translation>Guthabenbuchungen werden synchronisiert</translation>
    </message>
    <message>
        <source>Syncing notifications</source>
        <translation>Benachrichtigungen werden synchronisiert</translation>
    </message>
    <message>
        <source>Syncing tickets</source>
        <translation>Tickets werden synchronisiert</translation>
    </message>
    <message>
        <source>Syncing {list}</source>
        <translation>{list} wird synchronisiert</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>The panel sent an answer Sett does not understand: {error}</source>
        <translation>Das Panel hat eine Antwort geschickt, die Sett nicht versteht: {error}</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <source>Updating</source>
        <translation>Aktualisiere</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>Durchsuche</translation>
    </message>
    <message>
        <source>Sorting</source>
        <translation>Sortiere</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <source>← All tickets</source>
        <translation>← Alle Tickets</translation>
    </message>
    <message>
        <source>Close ticket</source>
        <translation>Ticket schließen</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>The conversation is downloaded when the panel can be reached.</source>
        <translation>Der Verlauf wird heruntergeladen, sobald das Panel erreichbar ist.</translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation>Antwort schreiben…</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>opened {date}</source>
        <translation>eröffnet am {date}</translation>
    </message>
    <message>
        <source>About invoice {number} →</source>
        <translation>Zur Rechnung {number} →</translation>
    </message>
    <message>
        <source>About {service} →</source>
        <translation>Zu {service} →</translation>
    </message>
    <message>
        <source>About the service →</source>
        <translation>Zum Dienst →</translation>
    </message>
    <message numerus="yes">
        <source>Show earlier messages (%Ln not shown)</source>
        <translation>
            <numerusform>Frühere Nachrichten anzeigen (%Ln weitere)</numerusform>
            <numerusform>Frühere Nachrichten anzeigen (%Ln weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>This conversation has not been downloaded yet; it appears once you sign in again.</source>
        <translation>Dieser Verlauf wurde noch nicht heruntergeladen; er erscheint, sobald Sie sich erneut anmelden.</translation>
    </message>
    <message>
        <source>This conversation has not been downloaded yet; it appears once the panel can be reached.</source>
        <translation>Dieser Verlauf wurde noch nicht heruntergeladen; er erscheint, sobald das Panel erreichbar ist.</translation>
    </message>
    <message>
        <source>Send and reopen</source>
        <translation>Senden und wieder öffnen</translation>
    </message>
    <message>
        <source>Queue reply</source>
        <translation>Antwort vormerken</translation>
    </message>
    <message>
        <source>You began typing before this ticket's saved draft was read: what you typed stays. Ctrl+Z in the reply box brings back the saved draft instead.</source>
        <translation>Sie haben zu schreiben begonnen, bevor der gespeicherte Entwurf dieses Tickets gelesen war: Ihr Text bleibt. Strg+Z im Antwortfeld holt stattdessen den gespeicherten Entwurf zurück.</translation>
    </message>
</context>
<context>
    <name>Totals</name>
    <message>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Credits applied</source>
        <translation>Guthaben angerechnet</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Jetzt fällig</translation>
    </message>
    <message>
        <source>Tax ({rate}, included)</source>
        <translation>Steuer ({rate}, enthalten)</translation>
    </message>
    <message>
        <source>Tax ({rate})</source>
        <translation>Steuer ({rate})</translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <source>Open Sett</source>
        <translation>Sett öffnen</translation>
    </message>
    <message>
        <source>Sync all accounts</source>
        <translation>Alle Konten synchronisieren</translation>
    </message>
    <message>
        <source>Pay due…</source>
        <translation>Fälliges bezahlen…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Sett is still running</source>
        <translation>Sett läuft weiter</translation>
    </message>
    <message>
        <source>Reminders keep coming; quit from the tray's menu.</source>
        <translation>Erinnerungen kommen weiterhin; beenden Sie Sett über das Menü im Infobereich.</translation>
    </message>
</context>
<context>
    <name>Validate</name>
    <message>
        <source>The panel sent an answer Sett does not understand ({where}: {problem}). Sett kept what it had; the panel's operator may need to look at this.</source>
        <translation>Das Panel hat eine Antwort geschickt, die Sett nicht versteht ({where}: {problem}). Sett hat behalten, was es hatte; der Betreiber des Panels sollte sich das vielleicht ansehen.</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>not the expected kind of value</source>
        <translation>nicht die erwartete Art von Wert</translation>
    </message>
    <message>
        <source>not understood</source>
        <translation>nicht verstanden</translation>
    </message>
    <message>
        <source>expected an object, got {kind}</source>
        <translation>ein Objekt erwartet, erhalten: {kind}</translation>
    </message>
    <message>
        <source>expected a list, got {kind}</source>
        <translation>eine Liste erwartet, erhalten: {kind}</translation>
    </message>
    <message>
        <source>asked for {asked}, the panel answered with {got}</source>
        <translation>{asked} angefragt, das Panel antwortete mit {got}</translation>
    </message>
    <message>
        <source>an amount with more decimal places than {currency} has ({places})</source>
        <translation>ein Betrag mit mehr Nachkommastellen, als {currency} hat ({places})</translation>
    </message>
    <message>
        <source>nothing (null)</source>
        <translation>nichts (null)</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>wahr/falsch</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>expected a list of rows, got one item</source>
        <translation>eine Liste von Zeilen erwartet, erhalten: ein einzelner Eintrag</translation>
    </message>
    <message>
        <source>sent {count} rows on one page, where Sett asked for {asked} and reads at most {limit}</source>
        <translation>{count} Zeilen auf einer Seite gesendet, wo Sett {asked} angefragt hat und höchstens {limit} liest</translation>
    </message>
    <message>
        <source>names the invoice {got}, where this payment is for {wanted}</source>
        <translation>nennt die Rechnung {got}, obwohl diese Zahlung für {wanted} ist</translation>
    </message>
    <message>
        <source>names the order {got}, where this payment is for {wanted}</source>
        <translation>nennt die Bestellung {got}, obwohl diese Zahlung für {wanted} ist</translation>
    </message>
    <message>
        <source>{code} is not a currency code (ISO 4217: three capital letters, such as USD)</source>
        <translation>{code} ist kein Währungscode (ISO 4217: drei Großbuchstaben, etwa USD)</translation>
    </message>
    <message>
        <source>answered page {got} when Sett asked for page {asked}, so the list cannot be read whole</source>
        <translation>Seite {got} geliefert, als Sett Seite {asked} anfragte; so lässt sich die Liste nicht vollständig lesen</translation>
    </message>
    <message>
        <source>sent page {asked} with only rows it had already sent, as many as a whole page, so the list cannot be read whole</source>
        <translation>Seite {asked} nur mit bereits gesendeten Zeilen geliefert, so vielen wie eine ganze Seite; so lässt sich die Liste nicht vollständig lesen</translation>
    </message>
    <message>
        <source>sent {count} pages running with only rows it had already sent (up to page {asked}), so the list cannot be read whole</source>
        <translation>{count} Seiten nacheinander nur mit bereits gesendeten Zeilen geliefert (bis Seite {asked}); so lässt sich die Liste nicht vollständig lesen</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Offline: this needs a connection to the panel. Sett reconnects by itself.</source>
        <translation>Offline: Dafür ist eine Verbindung zum Panel nötig. Sett verbindet sich selbstständig neu.</translation>
    </message>
    <message>
        <source>Signed out: this needs the panel, which wants you to sign in again first (Sign in, in the account's note or from Sync).</source>
        <translation>Abgemeldet: Dafür wird das Panel gebraucht, und es verlangt zuerst eine erneute Anmeldung (Anmelden, in der Meldung des Kontos oder über Synchronisieren).</translation>
    </message>
    <message>
        <source>That is out of stock.</source>
        <translation>Das ist nicht mehr vorrätig.</translation>
    </message>
    <message>
        <source>The panel did not accept this coupon.</source>
        <translation>Das Panel hat diesen Gutschein nicht angenommen.</translation>
    </message>
    <message>
        <source>Your credits do not cover this.</source>
        <translation>Ihr Guthaben reicht dafür nicht aus.</translation>
    </message>
    <message>
        <source>This invoice cannot be paid now.</source>
        <translation>Diese Rechnung kann jetzt nicht bezahlt werden.</translation>
    </message>
    <message>
        <source>The panel already took this request with other details.</source>
        <translation>Das Panel hat diese Anfrage bereits mit anderen Angaben angenommen.</translation>
    </message>
    <message>
        <source>The payment provider did not take the payment.</source>
        <translation>Der Zahlungsanbieter hat die Zahlung nicht angenommen.</translation>
    </message>
    <message>
        <source>Billing is switched off on this panel.</source>
        <translation>Die Abrechnung ist auf diesem Panel ausgeschaltet.</translation>
    </message>
    <message>
        <source>This order can no longer be cancelled.</source>
        <translation>Diese Bestellung kann nicht mehr storniert werden.</translation>
    </message>
    <message>
        <source>Support tickets are switched off on this panel.</source>
        <translation>Support-Tickets sind auf diesem Panel ausgeschaltet.</translation>
    </message>
    <message>
        <source>The panel does not have this (any more).</source>
        <translation>Das Panel hat dies nicht (mehr).</translation>
    </message>
    <message>
        <source>The panel sent an answer Sett does not understand.</source>
        <translation>Das Panel hat eine Antwort gesendet, die Sett nicht versteht.</translation>
    </message>
    <message>
        <source>That address is not a billing panel.</source>
        <translation>Diese Adresse ist kein Abrechnungs-Panel.</translation>
    </message>
    <message>
        <source>The panel could not be reached.</source>
        <translation>Das Panel war nicht erreichbar.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Zu viele Versuche. Warten Sie %n Sekunde und versuchen Sie es erneut.</numerusform>
            <numerusform>Zu viele Versuche. Warten Sie %n Sekunden und versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Try again soon.</source>
        <translation>Zu viele Versuche. Versuchen Sie es bald erneut.</translation>
    </message>
    <message>
        <source>The panel did not accept these details.</source>
        <translation>Das Panel hat diese Angaben nicht akzeptiert.</translation>
    </message>
    <message>
        <source>The panel refused this login.</source>
        <translation>Das Panel hat diese Anmeldung abgelehnt.</translation>
    </message>
    <message>
        <source>The panel did not accept what was entered.</source>
        <translation>Das Panel hat die Eingabe nicht angenommen.</translation>
    </message>
    <message>
        <source>The panel refused this: it does not fit the current state of the record (it may have changed meanwhile).</source>
        <translation>Das Panel hat das abgelehnt: Es passt nicht zum aktuellen Stand des Eintrags (er hat sich vielleicht inzwischen geändert).</translation>
    </message>
    <message>
        <source>This invoice can no longer be cancelled.</source>
        <translation>Diese Rechnung kann nicht mehr storniert werden.</translation>
    </message>
    <message>
        <source>This invoice cannot be refunded.</source>
        <translation>Diese Rechnung kann nicht erstattet werden.</translation>
    </message>
    <message>
        <source>A refund of this invoice is already under way.</source>
        <translation>Eine Erstattung dieser Rechnung läuft bereits.</translation>
    </message>
    <message>
        <source>The panel does not offer this action.</source>
        <translation>Das Panel bietet diese Aktion nicht an.</translation>
    </message>
    <message>
        <source>What was sent is too large for the panel.</source>
        <translation>Das Gesendete ist zu groß für das Panel.</translation>
    </message>
    <message>
        <source>The panel could not read the request.</source>
        <translation>Das Panel konnte die Anfrage nicht lesen.</translation>
    </message>
    <message>
        <source>The panel ran into a problem.</source>
        <translation>Im Panel ist ein Problem aufgetreten.</translation>
    </message>
    <message>
        <source>Nothing was sent: Sett could not first save this attempt on this computer, so the panel was not asked and nothing changed there.</source>
        <translation>Es wurde nichts gesendet: Sett konnte diesen Versuch nicht zuerst auf diesem Computer speichern, daher wurde das Panel nicht gefragt und dort hat sich nichts geändert.</translation>
    </message>
    <message>
        <source>The panel refused the request.</source>
        <translation>Das Panel hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The data saved on this computer could not be used.</source>
        <translation>Die auf diesem Computer gespeicherten Daten konnten nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgegangen.</translation>
    </message>
    <message>
        <source>The panel could not be reached, so nothing was changed. {reason}</source>
        <translation>Das Panel war nicht erreichbar, daher wurde nichts geändert. {reason}</translation>
    </message>
    <message>
        <source>Needs a login</source>
        <translation>Anmeldung nötig</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Offline since {time}</source>
        <translation>Offline seit {time}</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>One-time</source>
        <translation>Einmalig</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Vierteljährlich</translation>
    </message>
    <message>
        <source>Semi-annual</source>
        <translation>Halbjährlich</translation>
    </message>
    <message>
        <source>Annual</source>
        <translation>Jährlich</translation>
    </message>
    <message>
        <source>Biennial</source>
        <translation>Alle zwei Jahre</translation>
    </message>
    <message>
        <source>one-time</source>
        <translation>einmalig</translation>
    </message>
    <message>
        <source>/ month</source>
        <translation>/ Monat</translation>
    </message>
    <message>
        <source>/ 3 months</source>
        <translation>/ 3 Monate</translation>
    </message>
    <message>
        <source>/ 6 months</source>
        <translation>/ 6 Monate</translation>
    </message>
    <message>
        <source>/ year</source>
        <translation>/ Jahr</translation>
    </message>
    <message>
        <source>/ 2 years</source>
        <translation>/ 2 Jahre</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>Aufladung</translation>
    </message>
    <message>
        <source>End of period</source>
        <translation>Zum Laufzeitende</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} TB</source>
        <translation>{size} TB</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} GB</translation>
    </message>
    <message>
        <source>Unlimited CPU</source>
        <translation>Unbegrenzte CPU</translation>
    </message>
    <message>
        <source>1 core</source>
        <translation>1 Kern</translation>
    </message>
    <message>
        <source>{cores} cores</source>
        <translation>{cores} Kerne</translation>
    </message>
    <message>
        <source>{size} RAM</source>
        <translation>{size} RAM</translation>
    </message>
    <message>
        <source>{size} disk</source>
        <translation>{size} Speicherplatz</translation>
    </message>
    <message>
        <source>{seconds} seconds</source>
        <translation>{seconds} Sekunden</translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln Sekunde</numerusform>
            <numerusform>%Ln Sekunden</numerusform>
        </translation>
    </message>
</context>
</TS>
