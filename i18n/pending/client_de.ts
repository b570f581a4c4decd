<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Payments</name>
    <message>
        <source>{invoice}: {reason}</source>
        <translation>{invoice}: {reason}</translation>
    </message>
    <message>
        <source>{invoice} ({status})</source>
        <translation>{invoice} ({status})</translation>
    </message>
    <message numerus="yes">
        <source>Left out of this payment: %n invoice(s) no longer due at the panel ({invoices}).</source>
        <translation>
            <numerusform>Nicht in dieser Zahlung: %n Rechnung, die beim Panel nicht mehr fällig ist ({invoices}).</numerusform>
            <numerusform>Nicht in dieser Zahlung: %n Rechnungen, die beim Panel nicht mehr fällig sind ({invoices}).</numerusform>
        </translation>
    </message>
    <message>
        <source>{invoice} is no longer due at the panel ({status}): there is nothing to pay.</source>
        <translation>{invoice} ist beim Panel nicht mehr fällig ({status}): Es gibt nichts zu bezahlen.</translation>
    </message>
    <message>
        <source>invoice {id}</source>
        <translation>Rechnung {id}</translation>
    </message>
    <message numerus="yes">
        <source>Left out of this payment: %n invoice(s) the panel could not give just now ({invoices}). Each stays payable from Invoices.</source>
        <translation>
            <numerusform>Nicht in dieser Zahlung: %n Rechnung, die das Panel gerade nicht liefern konnte ({invoices}). Sie bleibt unter „Rechnungen“ bezahlbar.</numerusform>
            <numerusform>Nicht in dieser Zahlung: %n Rechnungen, die das Panel gerade nicht liefern konnten ({invoices}). Jede bleibt unter „Rechnungen“ bezahlbar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckoutSession</name>
    <message>
        <source>{error} The panel may have acted on it: Try again asks about this same attempt, so nothing is ordered or charged twice.</source>
        <translation>{error} Das Panel hat möglicherweise schon gehandelt: „Erneut versuchen“ fragt nach genau diesem Versuch, sodass nichts doppelt bestellt oder berechnet wird.</translation>
    </message>
</context>
</TS>
