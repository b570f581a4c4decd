<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Payments</name>
    <message>
        <source>Payment pending.</source>
        <translation>Zahlung ausstehend.</translation>
    </message>
</context>
</TS>
