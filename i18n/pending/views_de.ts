<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>RecordPage</name>
    <message>
        <source>← {place}</source>
        <translation>← {place}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Back from an invoice, service, order, ticket or product to where it was opened from</source>
        <translation>Von einer Rechnung, einem Dienst, einer Bestellung, einem Ticket oder Produkt zurück dorthin, wo sie geöffnet wurden</translation>
    </message>
</context>
</TS>
