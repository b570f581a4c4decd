<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CheckoutSession</name>
    <message>
        <source>An earlier attempt to order this cart got no answer more than 24 hours ago, longer than the panel keeps track of it, so this is sent as a new order. If that attempt made an order, it is in Orders: cancel the one you do not want.</source>
        <translation>Ein früherer Versuch, diesen Warenkorb zu bestellen, blieb vor mehr als 24 Stunden ohne Antwort, länger als das Panel ihn sich merkt. Daher wird dies als neue Bestellung gesendet. Falls jener Versuch eine Bestellung angelegt hat, steht sie unter Bestellungen: Stornieren Sie die, die Sie nicht möchten.</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Nothing was sent: Sett could not first save this attempt on this computer, so the panel was not asked and nothing changed there.</source>
        <translation>Es wurde nichts gesendet: Sett konnte diesen Versuch nicht zuerst auf diesem Computer speichern, daher wurde das Panel nicht gefragt und dort hat sich nichts geändert.</translation>
    </message>
</context>
</TS>
