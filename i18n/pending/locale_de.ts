<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../app/views/status_bar.py" line="30"/>
        <source>Last synced just now</source>
        <translation>Gerade eben synchronisiert</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="32"/>
        <source>Last synced {when}</source>
        <translation>Zuletzt synchronisiert {when}</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="35"/>
        <source>Last synced today at {time}</source>
        <translation>Zuletzt synchronisiert heute um {time}</translation>
    </message>
    <message>
        <location filename="../../app/views/status_bar.py" line="36"/>
        <source>Last synced {date} at {time}</source>
        <translation>Zuletzt synchronisiert am {date} um {time}</translation>
    </message>
</context>
<context>
    <name>StatusNotes</name>
    <message>
        <location filename="../../app/shell/status_notes.py" line="82"/>
        <source>{host} cannot be reached; showing saved data</source>
        <translation>{host} ist nicht erreichbar; gespeicherte Daten werden angezeigt</translation>
    </message>
    <message>
        <location filename="../../app/shell/status_notes.py" line="84"/>
        <source>{host} cannot be reached since {time}; showing saved data</source>
        <translation>{host} ist seit {time} nicht erreichbar; gespeicherte Daten werden angezeigt</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../app/core/formatting.py" line="19"/>
        <source>One-time</source>
        <translation>Einmalig</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="20"/>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="21"/>
        <source>Quarterly</source>
        <translation>Vierteljährlich</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="22"/>
        <source>Semi-annual</source>
        <translation>Halbjährlich</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="23"/>
        <source>Annual</source>
        <translation>Jährlich</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="24"/>
        <source>Biennial</source>
        <translation>Alle zwei Jahre</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="30"/>
        <source>one-time</source>
        <translation>einmalig</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="31"/>
        <source>/ month</source>
        <translation>/ Monat</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="32"/>
        <source>/ 3 months</source>
        <translation>/ 3 Monate</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="33"/>
        <source>/ 6 months</source>
        <translation>/ 6 Monate</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="34"/>
        <source>/ year</source>
        <translation>/ Jahr</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="35"/>
        <source>/ 2 years</source>
        <translation>/ 2 Jahre</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="41"/>
        <source>Awaiting approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="42"/>
        <source>Top-up</source>
        <translation>Aufladung</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="43"/>
        <source>End of period</source>
        <translation>Zum Laufzeitende</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="101"/>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="103"/>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="106"/>
        <source>{size} TB</source>
        <translation>{size} TB</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="107"/>
        <source>{size} GB</source>
        <translation>{size} GB</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="116"/>
        <source>Unlimited CPU</source>
        <translation>Unbegrenzte CPU</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="119"/>
        <source>1 core</source>
        <translation>1 Kern</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="121"/>
        <source>{cores} cores</source>
        <translation>{cores} Kerne</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="129"/>
        <source>{size} RAM</source>
        <translation>{size} RAM</translation>
    </message>
    <message>
        <location filename="../../app/core/formatting.py" line="131"/>
        <source>{size} disk</source>
        <translation>{size} Speicherplatz</translation>
    </message>
</context>
<context>
    <name>notices</name>
    <message>
        <location filename="../../app/session/notices.py" line="61"/>
        <source>Invoice {number} is overdue</source>
        <translation>Rechnung {number} ist überfällig</translation>
    </message>
    <message>
        <location filename="../../app/session/notices.py" line="63"/>
        <source>Invoice {number} is due today</source>
        <translation>Rechnung {number} ist heute fällig</translation>
    </message>
    <message>
        <location filename="../../app/session/notices.py" line="65"/>
        <source>Invoice {number} is due tomorrow</source>
        <translation>Rechnung {number} ist morgen fällig</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/session/notices.py" line="67"/>
        <source>Invoice {number} is due in %n days</source>
        <translation>
            <numerusform>Rechnung {number} ist in %n Tag fällig</numerusform>
            <numerusform>Rechnung {number} ist in %n Tagen fällig</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/session/notices.py" line="70"/>
        <source>{amount} to pay by {date}.</source>
        <translation>{amount} zu zahlen bis {date}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/session/notices.py" line="89"/>
        <source>%n new notices</source>
        <translation>
            <numerusform>%n neue Mitteilung</numerusform>
            <numerusform>%n neue Mitteilungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/session/notices.py" line="90"/>
        <source>Open the notices in Sett to see them.</source>
        <translation>Öffnen Sie die Mitteilungen in Sett, um sie zu sehen.</translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <location filename="../../app/session/wording.py" line="82"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../app/session/wording.py" line="83"/>
        <source>Offline since {time}</source>
        <translation>Offline seit {time}</translation>
    </message>
</context>
</TS>
