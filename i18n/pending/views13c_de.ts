<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CreditsSection</name>
    <message>
        <source>&amp;Open invoice</source>
        <translation>Rechnung ö&amp;ffnen</translation>
    </message>
</context>
</TS>
