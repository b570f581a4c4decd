<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DashboardCard</name>
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
    <name>AccountSwitcher</name>
    <message>
        <source>Opens a menu of your accounts, to switch, add or manage them.</source>
        <translation>Öffnet ein Menü Ihrer Konten, um sie zu wechseln, hinzuzufügen oder zu verwalten.</translation>
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
    <name>TicketPage</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>You began typing before this ticket's saved draft was read: what you typed stays. Ctrl+Z in the reply box brings back the saved draft instead.</source>
        <translation>Sie haben zu schreiben begonnen, bevor der gespeicherte Entwurf dieses Tickets gelesen war: Ihr Text bleibt. Strg+Z im Antwortfeld holt stattdessen den gespeicherten Entwurf zurück.</translation>
    </message>
</context>
</TS>
