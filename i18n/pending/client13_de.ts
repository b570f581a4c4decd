<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CacheError</name>
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
</context>
<context>
    <name>Cart</name>
    <message numerus="yes">
        <source>The panel priced %n line(s), this computer {mine}.</source>
        <translation>
            <numerusform>Das Panel hat %n Position berechnet, dieser Computer {mine}.</numerusform>
            <numerusform>Das Panel hat %n Positionen berechnet, dieser Computer {mine}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportCli</name>
    <message>
        <source>%(prog)s: error: %(message)s</source>
        <translation>%(prog)s: Fehler: %(message)s</translation>
    </message>
    <message>
        <source>(totals: {sums})</source>
        <translation>(Summen: {sums})</translation>
    </message>
    <message>
        <source>Write invoices, their payments, or credit transactions from Sett's saved data (what the last sync brought) to a CSV or XLSX file. CSV is for scripts and spreadsheets: amounts are plain decimals with a '.', dates ISO 8601, statuses the panel's codes (overdue, top_up). XLSX is for reading: statuses in words, dates as your spreadsheet shows dates. Every row names its account and currency, and per-currency totals close the file.</source>
        <translation>Schreibt Rechnungen, ihre Zahlungen oder Guthabenbuchungen aus den von Sett gespeicherten Daten (was die letzte Synchronisierung brachte) in eine CSV- oder XLSX-Datei. CSV ist für Skripte und Tabellenprogramme: Beträge als einfache Dezimalzahlen mit „.“, Daten nach ISO 8601, Status als Codes des Panels (overdue, top_up). XLSX ist zum Lesen: Status in Worten, Daten so, wie Ihr Tabellenprogramm Daten zeigt. Jede Zeile nennt ihr Konto und ihre Währung, und Summen je Währung schließen die Datei ab.</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>mehrdeutige Option: %(option)s könnte %(matches)s sein</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>Argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>csv or xlsx (default: from FILE's extension, else csv)</source>
        <translation>csv oder xlsx (Standard: nach der Endung von FILE, sonst csv)</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>erwartet einen Wert</translation>
    </message>
    <message>
        <source>from this day (YYYY-MM-DD), included</source>
        <translation>ab diesem Tag (JJJJ-MM-TT), einschließlich</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>ungültiger Wert: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>ungültige Wahl: %(value)r (möglich sind %(choices)s)</translation>
    </message>
    <message>
        <source>leave out the per-currency total rows</source>
        <translation>die Summenzeilen je Währung weglassen</translation>
    </message>
    <message>
        <source>no accounts are saved in {folder}: add one in Sett first</source>
        <translation>in {folder} sind keine Konten gespeichert: Fügen Sie zuerst in Sett eines hinzu</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <source>note: %n invoice(s) left out: their payment history was never read from the panel (open them in Sett once, online)</source>
        <translation>
            <numerusform>Hinweis: %n Rechnung ausgelassen: Ihr Zahlungsverlauf wurde nie vom Panel gelesen (öffnen Sie sie einmal online in Sett)</numerusform>
            <numerusform>Hinweis: %n Rechnungen ausgelassen: Ihr Zahlungsverlauf wurde nie vom Panel gelesen (öffnen Sie sie einmal online in Sett)</numerusform>
        </translation>
    </message>
    <message>
        <source>note: {name} has never been synced: nothing of it is saved</source>
        <translation>Hinweis: {name} wurde nie synchronisiert: davon ist nichts gespeichert</translation>
    </message>
    <message>
        <source>only these statuses, as the panel's codes (invoices: paid, pending, overdue, cancelled, refunded; payments: succeeded, pending, failed, ...; credits: the type, e.g. top_up); comma-separated or repeated</source>
        <translation>nur diese Status, als Codes des Panels (Rechnungen: paid, pending, overdue, cancelled, refunded; Zahlungen: succeeded, pending, failed, …; Guthaben: die Art, z. B. top_up); durch Kommas getrennt oder wiederholt</translation>
    </message>
    <message>
        <source>only this account (repeat for several; default: every account)</source>
        <translation>nur dieses Konto (für mehrere wiederholen; Standard: alle Konten)</translation>
    </message>
    <message>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>sett export: interrupted; nothing was written</source>
        <translation>sett export: abgebrochen; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>several accounts are called {name}: name one by its id ({ids})</source>
        <translation>mehrere Konten heißen {name}: Nennen Sie eines mit seiner ID ({ids})</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>diese Hilfe zeigen und beenden</translation>
    </message>
    <message>
        <source>the data folder Sett was started with (--data-dir)</source>
        <translation>der Datenordner, mit dem Sett gestartet wurde (--data-dir)</translation>
    </message>
    <message>
        <source>the file to write (replaced if it exists)</source>
        <translation>die zu schreibende Datei (wird ersetzt, falls vorhanden)</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>diese Argumente fehlen: %s</translation>
    </message>
    <message>
        <source>there is no account called {name} (accounts: {names})</source>
        <translation>es gibt kein Konto namens {name} (Konten: {names})</translation>
    </message>
    <message>
        <source>to this day (YYYY-MM-DD), included</source>
        <translation>bis zu diesem Tag (JJJJ-MM-TT), einschließlich</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>unbekannte Argumente: %s</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>Aufruf: </translation>
    </message>
    <message>
        <source>what to export</source>
        <translation>was exportiert wird</translation>
    </message>
    <message numerus="yes">
        <source>wrote %n credit transaction(s)</source>
        <translation>
            <numerusform>%n Guthabenbuchung geschrieben</numerusform>
            <numerusform>%n Guthabenbuchungen geschrieben</numerusform>
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
        <source>wrote %n row(s)</source>
        <translation>
            <numerusform>%n Zeile geschrieben</numerusform>
            <numerusform>%n Zeilen geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>{text} is not a date like 2026-01-31</source>
        <translation>{text} ist kein Datum der Form 2026-01-31</translation>
    </message>
    <message numerus="yes">
        <source>{wrote} from %n account(s) to {file}</source>
        <translation>
            <numerusform>{wrote}, aus %n Konto, in {file}</numerusform>
            <numerusform>{wrote}, aus %n Konten, in {file}</numerusform>
        </translation>
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
    <name>Input</name>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Billing cycle</source>
        <translation>Abrechnungszeitraum</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Cancel address</source>
        <translation>Abbruch-Adresse</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>Gutscheincode</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
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
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Return address</source>
        <translation>Rückkehr-Adresse</translation>
    </message>
    <message>
        <source>Saved login</source>
        <translation>Gespeicherte Anmeldung</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Sign-in step</source>
        <translation>Anmeldeschritt</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Steuernummer</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Use credits</source>
        <translation>Guthaben verwenden</translation>
    </message>
    <message>
        <source>{field}, item {number}</source>
        <translation>{field}, Position {number}</translation>
    </message>
    <message>
        <source>{field}, line {number}</source>
        <translation>{field}, Zeile {number}</translation>
    </message>
    <message>
        <source>“{field}” holds a NUL character (U+0000), which the panel refuses; remove it.</source>
        <translation>„{field}“ enthält ein NUL-Zeichen (U+0000), das das Panel ablehnt; entfernen Sie es.</translation>
    </message>
    <message>
        <source>“{field}” holds a broken character (half of a character pair, as a faulty copy and paste leaves), which the panel refuses; type that part again.</source>
        <translation>„{field}“ enthält ein kaputtes Zeichen (die Hälfte eines Zeichenpaars, wie es fehlerhaftes Kopieren und Einfügen hinterlässt), das das Panel ablehnt; tippen Sie diese Stelle neu.</translation>
    </message>
    <message>
        <source>“{field}” holds characters no panel key has (spaces, accents, line breaks); paste the key exactly as the panel showed it.</source>
        <translation>„{field}“ enthält Zeichen, die kein Panel-Schlüssel hat (Leerzeichen, Akzente, Zeilenumbrüche); fügen Sie den Schlüssel genau so ein, wie das Panel ihn gezeigt hat.</translation>
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
        <source>“{field}” must be a country from the list.</source>
        <translation>„{field}“ muss ein Land aus der Liste sein.</translation>
    </message>
    <message>
        <source>“{field}” must be one line: remove its line breaks and tabs.</source>
        <translation>„{field}“ muss eine Zeile sein: Entfernen Sie Zeilenumbrüche und Tabulatoren.</translation>
    </message>
    <message numerus="yes">
        <source>“{field}” can have at most %n line(s).</source>
        <translation>
            <numerusform>„{field}“ kann höchstens %n Zeile haben.</numerusform>
            <numerusform>„{field}“ kann höchstens %n Zeilen haben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>Could not reach {host}: its answer took longer than {duration} in all, so Sett stopped waiting.</source>
        <translation>{host} war nicht erreichbar: Die Antwort dauerte insgesamt länger als {duration}, daher hat Sett aufgehört zu warten.</translation>
    </message>
    <message>
        <source>The panel keeps asking Sett to wait (it asked for {duration} more, past the {budget} Sett waits for one sync or call); try again later.</source>
        <translation>Das Panel bittet Sett immer wieder zu warten (zuletzt um weitere {duration}, mehr als die {budget}, die Sett für eine Synchronisierung oder Anfrage wartet); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The panel refused the request (HTTP {status}).</source>
        <translation>Das Panel hat die Anfrage abgelehnt (HTTP {status}).</translation>
    </message>
    <message>
        <source>no answer within {duration}</source>
        <translation>keine Antwort innerhalb von {duration}</translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <source>disk</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <source>{product} is not sold with the billing cycle {cycle}</source>
        <translation>{product} wird nicht mit dem Abrechnungszeitraum {cycle} verkauft</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>A refund of this invoice is already under way.</source>
        <translation>Eine Erstattung dieser Rechnung läuft bereits.</translation>
    </message>
    <message>
        <source>The panel could not read the request.</source>
        <translation>Das Panel konnte die Anfrage nicht lesen.</translation>
    </message>
    <message>
        <source>The panel did not accept what was entered.</source>
        <translation>Das Panel hat die Eingabe nicht angenommen.</translation>
    </message>
    <message>
        <source>The panel does not offer this action.</source>
        <translation>Das Panel bietet diese Aktion nicht an.</translation>
    </message>
    <message>
        <source>The panel refused the request.</source>
        <translation>Das Panel hat die Anfrage abgelehnt.</translation>
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
        <source>What was sent is too large for the panel.</source>
        <translation>Das Gesendete ist zu groß für das Panel.</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <translation>
            <numerusform>%Ln Sekunde</numerusform>
            <numerusform>%Ln Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>{seconds} seconds</source>
        <translation>{seconds} Sekunden</translation>
    </message>
</context>
</TS>
