import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent


def test_collectstatic_writes_compressed_files_with_hashed_names(tmp_path):
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "x" * 50, "STATIC_ROOT": str(tmp_path)}
    env["DJANGO_SETTINGS_MODULE"] = "n8portal.settings"
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    stylesheets = {path.name for path in (tmp_path / "css").iterdir()}
    hashed = [name for name in stylesheets if name.startswith("portal.") and name.endswith(".css")]
    assert any(name != "portal.css" for name in hashed)
    assert any(name.endswith(".css.gz") for name in stylesheets)
    assert (tmp_path / "staticfiles.json").exists()
