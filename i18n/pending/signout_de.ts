<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountSession</name>
    <message>
        <location filename="../work/main/app/session/account.py" line="302"/>
        <source>You signed out; what Sett saved stays readable, and signing in syncs again.</source>
        <translation>Sie haben sich abgemeldet; was Sett gespeichert hat, bleibt lesbar, und nach der Anmeldung wird wieder synchronisiert.</translation>
    </message>
</context>
<context>
    <name>ManageAccountsDialog</name>
    <message>
        <location filename="../work/main/app/views/manage_accounts_dialog.py" line="51"/>
        <location filename="../work/main/app/views/manage_accounts_dialog.py" line="132"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../work/main/app/views/manage_accounts_dialog.py" line="131"/>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
</context>
</TS>
