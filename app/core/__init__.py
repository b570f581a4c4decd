"""Pure rules (money, cycles, pricing) shared by the panel and the desktop client: no Qt, no I/O."""
