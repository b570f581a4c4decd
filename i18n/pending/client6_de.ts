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
<context>
    <name>Outbox</name>
    <message>
        <source>Not sent again: it was sent more than a day ago and no answer Sett could use came back. The panel may no longer recognise it, so sending it again could do it twice. Check on the panel whether it was done, then dismiss this entry.</source>
        <translation>Nicht erneut gesendet: Es wurde vor mehr als einem Tag gesendet, und keine für Sett verwertbare Antwort kam zurück. Das Panel erkennt es womöglich nicht mehr wieder, daher könnte erneutes Senden es doppelt ausführen. Prüfen Sie im Panel, ob es ausgeführt wurde, und verwerfen Sie dann diesen Eintrag.</translation>
    </message>
    <message>
        <source>Not sent again from the outbox: {actions}. Each was sent more than a day ago without an answer Sett could use; check on the panel whether it was done.</source>
        <translation>Nicht erneut aus dem Postausgang gesendet: {actions}. Jede dieser Aktionen wurde vor mehr als einem Tag gesendet, ohne dass eine für Sett verwertbare Antwort kam; prüfen Sie im Panel, ob sie ausgeführt wurde.</translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <source>The panel asked Sett to wait before syncing again.</source>
        <translation>Das Panel hat Sett gebeten zu warten, bevor erneut synchronisiert wird.</translation>
    </message>
</context>
</TS>
