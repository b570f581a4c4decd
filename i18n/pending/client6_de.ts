<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Network</name>
    <message>
        <source>{address} answered that the request failed ("success": false) without saying why.</source>
        <translation>{address} hat geantwortet, dass die Anfrage fehlgeschlagen ist („success“: false), ohne den Grund zu nennen.</translation>
    </message>
    <message>
        <source>{address} answered 304 Not Modified, though Sett had sent no tag to compare with; Sett kept what it had.</source>
        <translation>{address} hat mit 304 Not Modified geantwortet, obwohl Sett kein Tag zum Vergleichen gesendet hatte; Sett hat behalten, was es hatte.</translation>
    </message>
</context>
</TS>
