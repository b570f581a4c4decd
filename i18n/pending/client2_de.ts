<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Fields</name>
    <message>
        <source>expected a whole number, not {kind}</source>
        <translation>eine ganze Zahl erwartet, nicht {kind}</translation>
    </message>
    <message>
        <source>expected a whole number</source>
        <translation>eine ganze Zahl erwartet</translation>
    </message>
    <message>
        <source>expected a whole number of sensible size</source>
        <translation>eine ganze Zahl vernünftiger Größe erwartet</translation>
    </message>
    <message>
        <source>expected an ISO 8601 time as text</source>
        <translation>eine Zeit nach ISO 8601 als Text erwartet</translation>
    </message>
    <message>
        <source>not an ISO 8601 time</source>
        <translation>keine Zeit nach ISO 8601</translation>
    </message>
    <message>
        <source>a time without a zone (Sett will not guess which one)</source>
        <translation>eine Zeit ohne Zeitzone (Sett rät nicht, welche gemeint ist)</translation>
    </message>
    <message>
        <source>a time outside the years 1 to 9999 in UTC</source>
        <translation>eine Zeit außerhalb der Jahre 1 bis 9999 in UTC</translation>
    </message>
    <message>
        <source>expected a date as text</source>
        <translation>ein Datum als Text erwartet</translation>
    </message>
    <message>
        <source>not a YYYY-MM-DD date</source>
        <translation>kein Datum der Form JJJJ-MM-TT</translation>
    </message>
</context>
<context>
    <name>Validate</name>
    <message>
        <source>expected an object, got {kind}</source>
        <translation>ein Objekt erwartet, erhalten: {kind}</translation>
    </message>
    <message>
        <source>expected a list, got {kind}</source>
        <translation>eine Liste erwartet, erhalten: {kind}</translation>
    </message>
    <message>
        <source>expected a list of rows, got one item</source>
        <translation>eine Liste von Zeilen erwartet, erhalten: ein einzelner Eintrag</translation>
    </message>
    <message>
        <source>nothing (null)</source>
        <translation>nichts (null)</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>wahr/falsch</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
</context>
<context>
    <name>PanelClient</name>
    <message>
        <source>{address} asked for a code but sent no two-factor token.</source>
        <translation>{address} fragte nach einem Code, schickte aber kein Token für die Zwei-Faktor-Anmeldung.</translation>
    </message>
    <message>
        <source>{address} answered without a token pair Sett can use.</source>
        <translation>{address} antwortete ohne ein Token-Paar, das Sett verwenden kann.</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>{address} answered without a new token pair.</source>
        <translation>{address} antwortete ohne ein neues Token-Paar.</translation>
    </message>
</context>
</TS>
