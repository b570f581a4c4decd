<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MessageView</name>
    <message>
        <location filename="../../app/views/ticket_page.py" line="67"/>
        <source>{author} · waiting in the Outbox</source>
        <translation>{author} · wartet im Postausgang</translation>
    </message>
</context>
<context>
    <name>Payments</name>
    <message numerus="yes">
        <location filename="../../app/session/payments.py" line="117"/>
        <source>Payment received: %n invoice(s) paid ({invoices}).</source>
        <translation>
            <numerusform>Zahlung erhalten: %n Rechnung bezahlt ({invoices}).</numerusform>
            <numerusform>Zahlung erhalten: %n Rechnungen bezahlt ({invoices}).</numerusform>
        </translation>
    </message>
</context>
</TS>
