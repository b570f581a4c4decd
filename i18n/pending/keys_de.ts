<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CreditsSection</name>
    <message>
        <source>Top-up amount</source>
        <translation>Aufladebetrag</translation>
    </message>
</context>
<context>
    <name>ManageAccountsDialog</name>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
</context>
<context>
    <name>MenuBar</name>
    <message>
        <source>Prefere&amp;nces…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Save all PD&amp;Fs…</source>
        <translation>Alle PDFs &amp;speichern…</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Account &amp;name</source>
        <translation>Konto&amp;name</translation>
    </message>
</context>
<context>
    <name>BillingProfileDialog</name>
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
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
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
</context>
<context>
    <name>PdfBatchDialog</name>
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
</context>
<context>
    <name>PreferencesDialog</name>
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
</context>
<context>
    <name>TicketPage</name>
    <message>
        <source>Your reply</source>
        <translation>Ihre Antwort</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Synchronisierungsfortschritt</translation>
    </message>
</context>
</TS>
