"""The floor for start-up and memory: a bare PySide6 window showing one label. Prints one JSON line at the first
paint (wall-clock time, to compare with the parent's start time) with its resident memory, then exits."""
import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


class FirstPaint(QObject):
    def __init__(self, app: QApplication, settle: float) -> None:
        super().__init__()
        self.app, self.settle, self.painted = app, settle, None

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted is None:
            self.painted = time.time()
            QTimer.singleShot(int(self.settle * 1000), self.done)
        return False

    def done(self) -> None:
        status = dict(line.split(":", 1) for line in open("/proc/self/status").read().splitlines() if ":" in line)
        print(json.dumps({"painted": self.painted, "rss_kb": int(status["VmRSS"].split()[0]),
                          "hwm_kb": int(status["VmHWM"].split()[0])}), flush=True)
        self.app.quit()


def main() -> int:
    settle = float(sys.argv[1]) if len(sys.argv) > 1 else 0.0
    app = QApplication(sys.argv[:1])
    label = QLabel("Sett")
    watcher = FirstPaint(app, settle)
    label.installEventFilter(watcher)
    label.resize(1280, 800)
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
