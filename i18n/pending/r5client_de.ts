<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Wording</name>
    <message>
        <source>Nothing was sent: Sett could not first save this attempt on this computer, so the panel was not asked and nothing changed there.</source>
        <translation>Es wurde nichts gesendet: Sett konnte diesen Versuch nicht zuerst auf diesem Computer speichern, daher wurde das Panel nicht gefragt und dort hat sich nichts geändert.</translation>
    </message>
</context>
</TS>
