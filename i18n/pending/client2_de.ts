<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>PageFeature</name>
    <message>
        <source>{error} The panel may have done it: asking again asks about this same request, so it is never done twice.</source>
        <translation>{error} Das Panel hat es möglicherweise schon ausgeführt: Erneutes Anfragen fragt nach genau dieser Anfrage, sodass es nie doppelt ausgeführt wird.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The panel may have done it, but its answer could not be used: {reason} Sett sends it again with the same key after the next sync, so it is done once.</source>
        <translation>Das Panel hat es möglicherweise schon ausgeführt, aber seine Antwort war nicht verwertbar: {reason} Sett sendet es nach der nächsten Synchronisierung mit demselben Schlüssel erneut, sodass es nur einmal ausgeführt wird.</translation>
    </message>
</context>
</TS>
