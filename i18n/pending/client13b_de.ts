<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Network</name>
    <message>
        <source>{address} redirects to an address that is not valid text instead of answering as a billing panel; check the panel address.</source>
        <translation>{address} leitet auf eine Adresse weiter, die kein gültiger Text ist, statt als Abrechnungs-Panel zu antworten; prüfen Sie die Adresse des Panels.</translation>
    </message>
</context>
</TS>
