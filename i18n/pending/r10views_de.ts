<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>Leave payment…</source>
        <translation>Zahlung verlassen…</translation>
    </message>
</context>
<context>
    <name>CheckoutSession</name>
    <message numerus="yes">
        <source>Pay %n invoice(s)</source>
        <translation>
            <numerusform>%n Rechnung bezahlen</numerusform>
            <numerusform>%n Rechnungen bezahlen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupportPages</name>
    <message>
        <source>Putting your reply in the Outbox…</source>
        <translation>Ihre Antwort wird in den Postausgang gelegt…</translation>
    </message>
</context>
<context>
    <name>ServicePages</name>
    <message>
        <source>Putting it in the Outbox…</source>
        <translation>Wird in den Postausgang gelegt…</translation>
    </message>
</context>
</TS>
