<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Fields</name>
    <message>
        <source>an id cannot be only white space</source>
        <translation>eine ID darf nicht nur aus Leerraum bestehen</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>{address} sent an answer of more than {limit} values, which no billing panel sends; Sett kept what it had.</source>
        <translation>{address} hat eine Antwort mit mehr als {limit} Werten gesendet, was kein Abrechnungspanel sendet; Sett hat behalten, was es hatte.</translation>
    </message>
    <message>
        <source>{address} sent more than {limit} rows of one list; Sett reads at most that many, so it stopped at page {page}.</source>
        <translation>{address} hat mehr als {limit} Zeilen einer Liste gesendet; Sett liest höchstens so viele und hat deshalb bei Seite {page} aufgehört.</translation>
    </message>
</context>
<context>
    <name>Validate</name>
    <message>
        <source>answered page {got} when Sett asked for page {asked}, so the list cannot be read whole</source>
        <translation>Seite {got} geliefert, als Sett Seite {asked} anfragte; so lässt sich die Liste nicht vollständig lesen</translation>
    </message>
    <message>
        <source>sent {count} pages running with only rows it had already sent (up to page {asked}), so the list cannot be read whole</source>
        <translation>{count} Seiten nacheinander nur mit bereits gesendeten Zeilen geliefert (bis Seite {asked}); so lässt sich die Liste nicht vollständig lesen</translation>
    </message>
    <message>
        <source>sent {count} rows on one page, where Sett asked for {asked} and reads at most {limit}</source>
        <translation>{count} Zeilen auf einer Seite gesendet, wo Sett {asked} angefragt hat und höchstens {limit} liest</translation>
    </message>
</context>
</TS>
