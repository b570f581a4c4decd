<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Fields</name>
    <message>
        <source>pricing names the billing cycle {cycle} twice, at different prices</source>
        <translation>pricing nennt den Abrechnungszeitraum {cycle} zweimal, mit verschiedenen Preisen</translation>
    </message>
</context>
<context>
    <name>Validate</name>
    <message>
        <source>sent page {asked} with only rows it had already sent, as many as a whole page, so the list cannot be read whole</source>
        <translation>Seite {asked} nur mit bereits gesendeten Zeilen geliefert, so vielen wie eine ganze Seite; so lässt sich die Liste nicht vollständig lesen</translation>
    </message>
</context>
</TS>
