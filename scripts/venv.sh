# Shared by scripts/start and scripts/test: makes .venv with Python 3.11 and installs a requirements file
# into it, again only when that file has changed.

ensure_venv() {
    local requirements=$1
    local python=${PYTHON:-$(command -v python3.11 || command -v python3)}
    if [ ! -x .venv/bin/python ]; then
        echo "Creating .venv with $($python --version)"
        "$python" -m venv .venv
    fi
    local stamp=".venv/.installed-$(basename "$requirements")"
    local wanted
    wanted=$(cat requirements*.txt | sha256sum | cut -d' ' -f1)
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
        echo "Installing $requirements"
        .venv/bin/python -m pip install --quiet --upgrade pip
        .venv/bin/python -m pip install --quiet -r "$requirements"
        echo "$wanted" > "$stamp"
    fi
}
