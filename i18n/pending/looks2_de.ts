<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BillingProfileDialog</name>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Steuernummer</translation>
    </message>
</context>
<context>
    <name>InvoiceDocument</name>
    <message>
        <source>Paid with credits</source>
        <translation>Mit Guthaben bezahlt</translation>
    </message>
    <message>
        <source>Paid by card or PayPal</source>
        <translation>Per Karte oder PayPal bezahlt</translation>
    </message>
</context>
<context>
    <name>InvoicePage</name>
    <message>
        <source>Paid with credits</source>
        <translation>Mit Guthaben bezahlt</translation>
    </message>
    <message>
        <source>Paid by card or PayPal</source>
        <translation>Per Karte oder PayPal bezahlt</translation>
    </message>
</context>
</TS>
