<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Fields</name>
    <message>
        <source>open invoice counts that do not add up (total_due_invoices and other_currencies_due against pending_invoices)</source>
        <translation>Anzahlen offener Rechnungen, die nicht aufgehen (total_due_invoices und other_currencies_due gegenüber pending_invoices)</translation>
    </message>
    <message>
        <source>more overdue invoices than open ones (overdue_invoices against pending_invoices)</source>
        <translation>mehr überfällige als offene Rechnungen (overdue_invoices gegenüber pending_invoices)</translation>
    </message>
</context>
<context>
    <name>Validate</name>
    <message>
        <source>{code} is not a currency code (ISO 4217: three capital letters, such as USD)</source>
        <translation>{code} ist kein Währungscode (ISO 4217: drei Großbuchstaben, etwa USD)</translation>
    </message>
    <message>
        <source>names the invoice {got}, where this payment is for {wanted}</source>
        <translation>nennt die Rechnung {got}, obwohl diese Zahlung für {wanted} ist</translation>
    </message>
    <message>
        <source>names the order {got}, where this payment is for {wanted}</source>
        <translation>nennt die Bestellung {got}, obwohl diese Zahlung für {wanted} ist</translation>
    </message>
</context>
</TS>
