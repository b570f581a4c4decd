<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DashboardCard</name>
    <message>
        <source>{caption}. {opens}</source>
        <translation>{caption}. {opens}</translation>
    </message>
    <message>
        <source>Opens your active services.</source>
        <translation>Öffnet Ihre aktiven Dienste.</translation>
    </message>
    <message>
        <source>Opens your unpaid invoices.</source>
        <translation>Öffnet Ihre unbezahlten Rechnungen.</translation>
    </message>
    <message>
        <source>Opens your overdue invoices.</source>
        <translation>Öffnet Ihre überfälligen Rechnungen.</translation>
    </message>
    <message>
        <source>Opens your services, the next to renew first.</source>
        <translation>Öffnet Ihre Dienste, den als Nächstes zu verlängernden zuerst.</translation>
    </message>
    <message>
        <source>Opens your credit and its history.</source>
        <translation>Öffnet Ihr Guthaben und seinen Verlauf.</translation>
    </message>
</context>
<context>
    <name>AccountSwitcher</name>
    <message>
        <source>Opens a menu of your accounts, to switch, add or manage them.</source>
        <translation>Öffnet ein Menü Ihrer Konten, um sie zu wechseln, hinzuzufügen oder zu verwalten.</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
</context>
</TS>
