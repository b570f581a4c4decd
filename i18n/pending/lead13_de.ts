<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Ctrl+F</source>
        <translation>Strg+F</translation>
    </message>
    <message>
        <source>Search the list on screen; from a record&apos;s page, back to its list&apos;s search</source>
        <translation>Die Liste auf dem Bildschirm durchsuchen; von der Seite eines Eintrags zurück zur Suche seiner Liste</translation>
    </message>
</context>
</TS>
