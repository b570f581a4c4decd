<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountSwitcher</name>
    <message>
        <source>Account: {name}</source>
        <translation>Konto: {name}</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>{screen} ({keys})</source>
        <translation>{screen} ({keys})</translation>
    </message>
</context>
</TS>
