<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CartSection</name>
    <message>
        <source>Checked with the panel before you were signed out.</source>
        <translation>Mit dem Panel geprüft, bevor Sie abgemeldet wurden.</translation>
    </message>
    <message>
        <source>Estimated from the prices saved on this computer (signed out).</source>
        <translation>Geschätzt aus den auf diesem Computer gespeicherten Preisen (abgemeldet).</translation>
    </message>
</context>
<context>
    <name>InvoicePage</name>
    <message>
        <source>The lines and payments of this invoice were never downloaded; sign in again to see them.</source>
        <translation>Die Positionen und Zahlungen dieser Rechnung wurden nie heruntergeladen; melden Sie sich erneut an, um sie zu sehen.</translation>
    </message>
</context>
<context>
    <name>LoginPrompt</name>
    <message>
        <source>Sett cannot reach the panel at {host} right now, so it cannot sign you in yet. Nothing is lost: Sett keeps the data it saved on this computer and tries again by itself while this window is open.</source>
        <translation>Sett kann das Panel unter {host} gerade nicht erreichen und Sie deshalb noch nicht anmelden. Es geht nichts verloren: Sett behält die auf diesem Computer gespeicherten Daten und versucht es selbstständig erneut, solange dieses Fenster offen ist.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Signed out: a cancellation request or its withdrawal is queued in the Outbox and sent once you sign in again (Sign in, in the account's note or from Sync).</source>
        <translation>Abgemeldet: Eine Kündigungsanfrage oder ihre Rücknahme wartet im Postausgang und wird gesendet, sobald Sie sich erneut anmelden (Anmelden, in der Meldung des Kontos oder über Synchronisieren).</translation>
    </message>
    <message>
        <source>Signed out: a reply you send now waits in the Outbox and goes to the panel once you sign in again (Sign in, in the account's note or from Sync). Closing needs you to sign in first.</source>
        <translation>Abgemeldet: Eine Antwort, die Sie jetzt senden, wartet im Postausgang und geht an das Panel, sobald Sie sich erneut anmelden (Anmelden, in der Meldung des Kontos oder über Synchronisieren). Zum Schließen müssen Sie sich zuerst anmelden.</translation>
    </message>
    <message>
        <source>Signed out: marking read is queued in the Outbox and sent to the panel once you sign in again (Sign in, in the account's note or from Sync).</source>
        <translation>Abgemeldet: Das Markieren als gelesen wartet im Postausgang und wird an das Panel gesendet, sobald Sie sich erneut anmelden (Anmelden, in der Meldung des Kontos oder über Synchronisieren).</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message numerus="yes">
        <source>Queued in the Outbox: %n notification(s) marked read here, and at the panel once you sign in again.</source>
        <translation>
            <numerusform>Im Postausgang: %n Benachrichtigung hier als gelesen markiert, im Panel, sobald Sie sich erneut anmelden.</numerusform>
            <numerusform>Im Postausgang: %n Benachrichtigungen hier als gelesen markiert, im Panel, sobald Sie sich erneut anmelden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServicePages</name>
    <message>
        <source>Queued in the Outbox: Sett sends it once you sign in again. You can edit or remove it in the Outbox until then.</source>
        <translation>Im Postausgang: Sett sendet es, sobald Sie sich erneut anmelden. Bis dahin können Sie es im Postausgang bearbeiten oder entfernen.</translation>
    </message>
</context>
<context>
    <name>SupportPages</name>
    <message>
        <source>Queued in the Outbox: Sett sends your reply once you sign in again. You can remove it in the Outbox until then.</source>
        <translation>Im Postausgang: Sett sendet Ihre Antwort, sobald Sie sich erneut anmelden. Bis dahin können Sie sie im Postausgang entfernen.</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <source>This conversation has not been downloaded yet; it appears once you sign in again.</source>
        <translation>Dieser Verlauf wurde noch nicht heruntergeladen; er erscheint, sobald Sie sich erneut anmelden.</translation>
    </message>
</context>
</TS>
