<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CreditsSection</name>
    <message>
        <source>Top-up amount</source>
        <translation>Aufladebetrag</translation>
    </message>
</context>
<context>
    <name>ManageAccountsDialog</name>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
</context>
<context>
    <name>MenuBar</name>
    <message>
        <source>Prefere&amp;nces…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Save all PD&amp;Fs…</source>
        <translation>Alle PDFs &amp;speichern…</translation>
    </message>
</context>
</TS>
