<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/views/new_ticket.py" line="27"/>
        <source>Signed out: sending a ticket needs you to sign in to this account again; what you wrote stays here.</source>
        <translation>Abgemeldet: Um ein Ticket zu senden, melden Sie sich erneut bei diesem Konto an; Ihr Text bleibt hier erhalten.</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <location filename="../../app/views/new_ticket.py" line="73"/>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../../app/session/wording.py" line="24"/>
        <source>Signed out: this needs the panel, which wants you to sign in again first (Sign in, in the account&apos;s note or from Sync).</source>
        <translation>Abgemeldet: Dafür wird das Panel gebraucht, und es verlangt zuerst eine erneute Anmeldung (Anmelden, in der Meldung des Kontos oder über Synchronisieren).</translation>
    </message>
</context>
</TS>
