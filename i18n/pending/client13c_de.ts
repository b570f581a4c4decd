<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Payments</name>
    <message>
        <source>The order could not be read from the panel just now; Orders shows what the panel has after the next sync.</source>
        <translation>Die Bestellung konnte gerade nicht vom Panel gelesen werden; Bestellungen zeigt nach der nächsten Synchronisierung, was das Panel hat.</translation>
    </message>
    <message>
        <source>An invoice this payment covers could not be read from the panel just now; Invoices shows what the panel has after the next sync.</source>
        <translation>Eine Rechnung dieser Zahlung konnte gerade nicht vom Panel gelesen werden; Rechnungen zeigt nach der nächsten Synchronisierung, was das Panel hat.</translation>
    </message>
    <message>
        <source>A service this payment covers could not be read from the panel just now; Services shows what the panel has after the next sync.</source>
        <translation>Ein Dienst dieser Zahlung konnte gerade nicht vom Panel gelesen werden; Dienste zeigt nach der nächsten Synchronisierung, was das Panel hat.</translation>
    </message>
</context>
</TS>
