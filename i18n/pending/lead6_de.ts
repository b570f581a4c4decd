<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ManageAccountsDialog</name>
    <message numerus="yes">
        <source>%n action(s) waiting in the Outbox will never be sent.</source>
        <translation>
            <numerusform>%n Aktion, die im Postausgang wartet, wird nie gesendet.</numerusform>
            <numerusform>%n Aktionen, die im Postausgang warten, werden nie gesendet.</numerusform>
        </translation>
    </message>
</context>
</TS>
