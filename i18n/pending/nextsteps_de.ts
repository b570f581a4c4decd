<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CheckoutSession</name>
    <message>
        <location filename="../../app/features/checkout.py" line="300"/>
        <source>Open service</source>
        <translation>Dienst öffnen</translation>
    </message>
    <message>
        <location filename="../../app/features/checkout.py" line="303"/>
        <source>View invoice</source>
        <translation>Rechnung ansehen</translation>
    </message>
</context>
</TS>
