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
<context>
    <name>Sidebar</name>
    <message>
        <source>{title}: {counted}</source>
        <translation>{title}: {counted}</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n überfällig</numerusform>
            <numerusform>%n überfällig</numerusform>
        </translation>
    </message>
</context>
</TS>
