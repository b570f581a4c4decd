<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>InvoicePage</name>
    <message>
        <source>Tax ({rate}, added)</source>
        <translation>Steuer ({rate}, aufgeschlagen)</translation>
    </message>
    <message>
        <source>Tax ({rate}, included in the prices)</source>
        <translation>Steuer ({rate}, in den Preisen enthalten)</translation>
    </message>
    <message>
        <source>Discount (coupon {code})</source>
        <translation>Rabatt (Gutschein {code})</translation>
    </message>
</context>
</TS>
