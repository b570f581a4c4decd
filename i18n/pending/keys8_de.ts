<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Components and their licences</source>
        <translation>Komponenten und ihre Lizenzen</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>Sign in with</source>
        <translation>Anmelden mit</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>What you pay</source>
        <translation>Was Sie bezahlen</translation>
    </message>
</context>
<context>
    <name>CreditsSection</name>
    <message>
        <source>Credit transactions</source>
        <translation>Guthabenbewegungen</translation>
    </message>
</context>
<context>
    <name>InvoicePage</name>
    <message>
        <source>Invoice lines</source>
        <translation>Rechnungspositionen</translation>
    </message>
</context>
<context>
    <name>Nouns</name>
    <message>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>StatusChip</name>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Enter, Space on a card</source>
        <translation>Eingabetaste, Leertaste auf einer Karte</translation>
    </message>
    <message>
        <source>Open the selected row of a list, the focused product in the Store or the focused card on the Dashboard</source>
        <translation>Die gewählte Zeile einer Liste öffnen, im Shop das Produkt mit dem Fokus oder in der Übersicht die Karte mit dem Fokus</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Entf</translation>
    </message>
    <message>
        <source>In the Outbox, remove the selected entry (one not being sent)</source>
        <translation>Im Postausgang den gewählten Eintrag entfernen (einen, der nicht gerade gesendet wird)</translation>
    </message>
</context>
</TS>
