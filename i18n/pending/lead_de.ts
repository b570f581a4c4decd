<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Body</name>
    <message>
        <source>{where} sent its answer packed as '{encoding}', which Sett did not ask for and cannot read.</source>
        <translation>{where} hat die Antwort als „{encoding}“ gepackt geschickt; das hat Sett nicht erbeten und kann es nicht lesen.</translation>
    </message>
</context>
<context>
    <name>DashboardSection</name>
    <message>
        <source>{account}: billing is not available on this panel</source>
        <translation>{account}: Die Abrechnung ist auf diesem Panel nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Set for this run by the command line (--theme {theme}); the saved choice is “{saved}”.</source>
        <translation>Für diesen Start über die Befehlszeile festgelegt (--theme {theme}); gespeichert ist „{saved}“.</translation>
    </message>
</context>
</TS>
