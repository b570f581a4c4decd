"""The system libraries Sett's bundle needs, and the Debian packages that provide them.

PyInstaller copies into the bundle the libraries it finds on the build machine, but not those it leaves to the
system (glibc, libGL, libxcb, ...) and none that the build machine lacks: Qt's xcb platform plugin links
libxcb-cursor, which many desktops do not install, and without it Qt refuses to start ("xcb-cursor0 or
libxcb-cursor0 is needed to load the Qt xcb platform plugin"). So the .deb depends on the package of every library
the xcb plugin and the bundle's libraries name, whether or not the bundle happens to carry a copy (a copy in the
bundle wins at run time; the dependency costs nothing then). `needed()` reads what an ELF file names (its
DT_NEEDED entries) without binutils, for build_deb.py and the tests.
"""
from __future__ import annotations

import struct
from pathlib import Path

# soname -> the Debian/Ubuntu package that provides it.
PACKAGES = {
    **dict.fromkeys(("libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libresolv.so.2",
                     "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"), "libc6"),
    "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1",
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libdrm.so.2": "libdrm2",
    "libfontconfig.so.1": "libfontconfig1", "libdbus-1.so.3": "libdbus-1-3", "libnss3.so": "libnss3",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1", "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-shape.so.0": "libxcb-shape0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-util.so.1": "libxcb-util1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxcb-dri3.so.0": "libxcb-dri3-0",
    # Ubuntu 24.04 renamed it for its 64-bit time_t (libglib2.0-0t64); either serves.
    **dict.fromkeys(("libglib-2.0.so.0", "libgthread-2.0.so.0"), "libglib2.0-0 | libglib2.0-0t64"),
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1", "libwayland-server.so.0": "libwayland-server0",
}
# Libraries only an optional plugin needs, which Qt loads only where the desktop provides them (the GTK 3 theme
# plugin on GNOME): no dependency, so Sett installs on desktops without GTK.
OPTIONAL = {"libgtk-3.so.0", "libgdk-3.so.0"}
# Always depended on, as before the bundle was read.
BASE = ("libc6", "libgl1", "libegl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3",
        "libnss3")
# Files whose libraries come from the system even where the bundle carries a copy: the xcb platform plugin and
# its Qt library, whose libxcb-* copies exist only if the build machine had them.
FROM_SYSTEM = ("libqxcb.so", "libQt6XcbQpa.so.6")

DT_NEEDED, SHT_DYNAMIC = 1, 6


class UnknownLibrary(Exception):
    """The bundle needs a library this table does not map to a package."""


def needed(path: Path) -> list[str]:
    """The sonames an ELF file names as DT_NEEDED; [] for a file that is not ELF."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF":
        return []
    wide, order = data[4] == 2, "<" if data[5] == 1 else ">"
    section_offset = struct.unpack_from(order + ("Q" if wide else "I"), data, 0x28 if wide else 0x20)[0]
    entry_size, count = struct.unpack_from(order + "HH", data, 0x3A if wide else 0x2E)
    sections = [struct.unpack_from(order + ("IIQQQQIIQQ" if wide else "IIIIIIIIII"), data,
                                   section_offset + i * entry_size) for i in range(count)]
    names: list[str] = []
    for section in sections:
        if section[1] != SHT_DYNAMIC:
            continue
        strings = sections[section[6]][4]                      # sh_link: the string table's file offset
        pair = "qQ" if wide else "iI"
        for offset in range(section[4], section[4] + section[5], struct.calcsize(pair)):
            tag, value = struct.unpack_from(order + pair, data, offset)
            if tag == 0:
                break
            if tag == DT_NEEDED:
                end = data.index(b"\0", strings + value)
                names.append(data[strings + value:end].decode("ascii"))
    return names


def system_needs(bundle: Path) -> set[str]:
    """What the bundle's ELF files name that the bundle does not carry itself, and all the non-Qt libraries the
    FROM_SYSTEM files name."""
    carried: set[str] = set()
    wanted: set[str] = set()
    always: set[str] = set()
    for path in bundle.rglob("*"):
        carried.add(path.name)
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        names = needed(path)
        wanted.update(names)
        if path.name in FROM_SYSTEM:
            always.update(name for name in names if not name.startswith("libQt6"))
    return (wanted - carried) | always


def depends(bundle: Path) -> str:
    """The control file's Depends: BASE and the package of each library the bundle leaves to the system."""
    unknown = sorted(name for name in system_needs(bundle) if name not in PACKAGES and name not in OPTIONAL)
    if unknown:
        raise UnknownLibrary(f"the bundle needs {', '.join(unknown)}, which packaging/linux/shared_libraries.py "
                             "does not map to a Debian package: add each to PACKAGES (or OPTIONAL)")
    packages = list(BASE)
    for name in sorted(system_needs(bundle)):
        package = PACKAGES.get(name)
        if package is not None and package not in packages:
            packages.append(package)
    return ", ".join(packages)
