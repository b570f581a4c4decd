<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DueWords</name>
    <message>
        <source>also {amounts} due in another currency</source>
        <translation>außerdem {amounts} fällig in einer anderen Währung</translation>
    </message>
    <message>
        <source>also {amounts} due in other currencies</source>
        <translation>außerdem {amounts} fällig in anderen Währungen</translation>
    </message>
    <message>
        <source>{figure} · {also}</source>
        <translation>{figure} · {also}</translation>
    </message>
</context>
<context>
    <name>InvoicesSection</name>
    <message>
        <source>· {also}</source>
        <translation>· {also}</translation>
    </message>
</context>
<context>
    <name>MenuActions</name>
    <message>
        <source>Nothing is due in this account&apos;s currency; {amounts} is due in other currencies: pay those invoices one at a time from Invoices.</source>
        <translation>In der Währung dieses Kontos ist nichts fällig; {amounts} ist in anderen Währungen fällig: Bezahlen Sie diese Rechnungen einzeln unter Rechnungen.</translation>
    </message>
</context>
</TS>
