<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Autostart</name>
    <message>
        <location filename="../../app/shell/autostart.py" line="45"/>
        <source>Starting at login is not available on this system: add Sett to your login items yourself.</source>
        <translation>Der Start bei der Anmeldung ist auf diesem System nicht verfügbar: Fügen Sie Sett selbst Ihren Anmeldeobjekten hinzu.</translation>
    </message>
</context>
<context>
    <name>LowCredit</name>
    <message numerus="yes">
        <location filename="../../app/core/low_credit.py" line="90"/>
        <source>%n renewal(s) due by {when} cost {renewals}; your credit of {balance} leaves {shortfall} to pay another way.</source>
        <translation>
            <numerusform>%n Verlängerung bis {when} kostet {renewals}; nach Ihrem Guthaben von {balance} bleiben {shortfall} auf anderem Weg zu bezahlen.</numerusform>
            <numerusform>%n Verlängerungen bis {when} kosten {renewals}; nach Ihrem Guthaben von {balance} bleiben {shortfall} auf anderem Weg zu bezahlen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/core/low_credit.py" line="95"/>
        <source>Your credit will not cover the next renewal</source>
        <translation>Ihr Guthaben reicht nicht für die nächste Verlängerung</translation>
    </message>
</context>
</TS>
