<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>GoToDialog</name>
    <message>
        <source>Still reading… Enter opens the first match once everything is read.</source>
        <translation>Wird noch gelesen… Eingabe öffnet den ersten Treffer, sobald alles gelesen ist.</translation>
    </message>
</context>
</TS>
