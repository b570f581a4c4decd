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
</TS>
