<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountSwitcher</name>
    <message>
        <source>{state} · {host}</source>
        <translation>{state} · {host}</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>{account} · {notice}</source>
        <translation>{account} · {notice}</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Back ({keys})</source>
        <translation>Zurück ({keys})</translation>
    </message>
</context>
<context>
    <name>SpendingChart</name>
    <message>
        <source>Spending per month: nothing paid in these 12 months</source>
        <translation>Ausgaben pro Monat: in diesen 12 Monaten nichts bezahlt</translation>
    </message>
</context>
</TS>
