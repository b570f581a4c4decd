<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MessageView</name>
    <message>
        <location filename="../../app/views/ticket_page.py" line="67"/>
        <source>{author} · waiting in the Outbox</source>
        <translation>{author} · wartet im Postausgang</translation>
    </message>
</context>
</TS>
