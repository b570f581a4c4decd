<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>OrdersSection</name>
    <message>
        <location filename="../../app/views/orders.py" line="63"/>
        <source>No orders yet</source>
        <translation>Noch keine Bestellungen</translation>
    </message>
    <message>
        <location filename="../../app/views/orders.py" line="63"/>
        <source>What you buy in the store will appear here.</source>
        <translation>Was Sie im Shop kaufen, erscheint hier.</translation>
    </message>
    <message>
        <location filename="../../app/views/orders.py" line="64"/>
        <source>Browse the store</source>
        <translation>Zum Shop</translation>
    </message>
    <message>
        <location filename="../../app/views/orders.py" line="68"/>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location filename="../../app/views/orders.py" line="71"/>
        <source>Search orders</source>
        <translation>Bestellungen durchsuchen</translation>
    </message>
</context>
<context>
    <name>SupportSection</name>
    <message>
        <location filename="../../app/views/support.py" line="46"/>
        <source>No tickets yet</source>
        <translation>Noch keine Tickets</translation>
    </message>
    <message>
        <location filename="../../app/views/support.py" line="46"/>
        <source>Questions about an invoice or a service? Ask here.</source>
        <translation>Fragen zu einer Rechnung oder einem Dienst? Fragen Sie hier.</translation>
    </message>
    <message>
        <location filename="../../app/views/support.py" line="47"/>
        <source>New ticket</source>
        <translation>Neues Ticket</translation>
    </message>
    <message>
        <location filename="../../app/views/support.py" line="51"/>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../app/views/support.py" line="53"/>
        <source>New ticket…</source>
        <translation>Neues Ticket…</translation>
    </message>
    <message>
        <location filename="../../app/views/support.py" line="56"/>
        <source>Search tickets</source>
        <translation>Tickets durchsuchen</translation>
    </message>
    <message>
        <location filename="../../app/views/support.py" line="62"/>
        <source>Support tickets are not available</source>
        <translation>Support-Tickets sind nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../app/views/support.py" line="63"/>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <location filename="../../app/views/support.py" line="65"/>
        <source>Tickets of all accounts</source>
        <translation>Tickets aller Konten</translation>
    </message>
    <message>
        <location filename="../../app/views/support.py" line="94"/>
        <source>this panel</source>
        <translation>diesem Panel</translation>
    </message>
    <message>
        <location filename="../../app/views/support.py" line="95"/>
        <source>Support tickets are not available on {panel}</source>
        <translation>Support-Tickets sind auf {panel} nicht verfügbar</translation>
    </message>
</context>
</TS>
