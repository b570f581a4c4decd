<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Outbox</name>
    <message>
        <source>Only an entry the panel refused can be sent again.</source>
        <translation>Nur ein Eintrag, den das Panel abgelehnt hat, kann erneut gesendet werden.</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
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
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>OutboxFeature</name>
    <message>
        <source>Its text is back in the ticket&apos;s reply box: open the ticket in Support to change it or send it again.</source>
        <translation>Der Text steht wieder im Antwortfeld des Tickets: Öffnen Sie das Ticket unter Support, um ihn zu ändern oder erneut zu senden.</translation>
    </message>
</context>
<context>
    <name>PanelClient</name>
    <message>
        <source>{address} answered with a refresh token Sett cannot use.</source>
        <translation>{address} antwortete mit einem Aktualisierungs-Token, das Sett nicht verwenden kann.</translation>
    </message>
</context>
<context>
    <name>Validate</name>
    <message>
        <source>an amount with more decimal places than {currency} has ({places})</source>
        <translation>ein Betrag mit mehr Nachkommastellen, als {currency} hat ({places})</translation>
    </message>
    <message>
        <source>asked for {asked}, the panel answered with {got}</source>
        <translation>{asked} angefragt, das Panel antwortete mit {got}</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>a number with a fraction</source>
        <translation>eine Zahl mit Nachkommastellen</translation>
    </message>
</context>
</TS>
