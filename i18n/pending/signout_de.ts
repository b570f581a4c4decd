<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountSession</name>
    <message>
        <location filename="../work/main/app/session/account.py" line="302"/>
        <source>What Sett saved stays readable; signing in syncs again.</source>
        <translation>Was Sett gespeichert hat, bleibt lesbar; nach der Anmeldung wird wieder synchronisiert.</translation>
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
    <message>
        <location filename="../../app/views/manage_accounts_dialog.py" line="125"/>
        <source>{email} at {address}, signed out: what Sett saved stays readable until you sign in again.</source>
        <translation>{email} bei {address}, abgemeldet: was Sett gespeichert hat, bleibt lesbar, bis Sie sich wieder anmelden.</translation>
    </message>
</context>
<context>
    <name>LoginPrompt</name>
    <message>
        <location filename="../../app/views/login_prompt.py" line="62"/>
        <source>Paste an API key for {email} at {host} to sign in again.</source>
        <translation>Fügen Sie einen API-Schlüssel für {email} bei {host} ein, um sich wieder anzumelden.</translation>
    </message>
    <message>
        <location filename="../../app/views/login_prompt.py" line="63"/>
        <source>Enter the password for {email} at {host} to sign in again.</source>
        <translation>Geben Sie das Passwort für {email} bei {host} ein, um sich wieder anzumelden.</translation>
    </message>
</context>
</TS>
