"""The language server in a real editor: headless Neovim attaches it, shows its diagnostics at the
right characters, and applies its quick fix. Skipped when `nvim` is not installed (Debian: neovim).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server tests need pygls: pip install -e '.[test]'")
NVIM = shutil.which("nvim")
pytestmark = pytest.mark.skipif(NVIM is None, reason="Neovim (nvim) is not installed; apt-get install neovim")

TEXT = "Café 🎉 owners said the the plan works.\nNaïve 👩‍👩‍👧 voters an an owl.\n"

# Neovim 0.7 API (vim.lsp.start_client); newer versions keep it. Results go to a JSON file.
SCRIPT = r"""
local out, python, root, file = _G.arg_out, _G.arg_python, _G.arg_root, _G.arg_file
local result = {}
local client_id = vim.lsp.start_client({
  name = "stylecheck",
  cmd = { python, "-m", "stylecheck", "lsp", "--debounce", "0.05" },
  root_dir = root,
})
vim.cmd("edit " .. vim.fn.fnameescape(file))
vim.lsp.buf_attach_client(0, client_id)
local function diagnostics()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, { d.lnum, d.col, d.end_col, d.code or lsp.code, d.source })
  end
  table.sort(list, function(a, b) return a[1] < b[1] end)
  return list
end
result.ok_first = vim.wait(30000, function() return #vim.diagnostic.get(0) == 2 end, 20)
result.first = diagnostics()
local params = vim.lsp.util.make_range_params()
params.range = { start = { line = 1, character = 24 }, ["end"] = { line = 1, character = 24 } }
params.context = { diagnostics = {} }
local responses = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 30000) or {}
result.titles = {}
for _, response in pairs(responses) do
  for _, action in ipairs(response.result or {}) do
    table.insert(result.titles, action.title)
    if action.kind == "quickfix" and action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
    end
  end
end
result.lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
result.ok_after = vim.wait(30000, function() return #vim.diagnostic.get(0) == 1 end, 20)
result.after = diagnostics()
local handle = io.open(out, "w")
handle:write(vim.fn.json_encode(result))
handle:close()
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd("qa!")
"""


def byte_column(line: str, code_points: int) -> int:
    return len(line[:code_points].encode("utf-8"))


def test_neovim_shows_diagnostics_at_the_right_bytes_and_applies_the_quick_fix(tmp_path: Path):
    root = tmp_path / "news"
    root.mkdir()
    (root / ".stylecheck.yaml").write_text("preset: ap\n")
    story = root / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    script = tmp_path / "drive.lua"
    script.write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / "result.json"
    setup = (
        f"lua _G.arg_out={json.dumps(str(out))}; _G.arg_python={json.dumps(sys.executable)};"
        f" _G.arg_root={json.dumps(str(root))}; _G.arg_file={json.dumps(str(story))}"
    )
    proc = subprocess.run(
        [NVIM, "--headless", "--clean", "-n", "-c", setup, "-c", f"luafile {script}"],
        capture_output=True, timeout=120, cwd=root, check=False,
    )
    assert out.exists(), proc.stderr.decode(errors="replace")[-2000:]
    result = json.loads(out.read_text())
    line0, line1 = TEXT.splitlines()
    # Neovim converts the server's UTF-16 positions to byte columns in its buffer.
    assert result["ok_first"] is True
    assert result["first"] == [
        [0, byte_column(line0, 19), byte_column(line0, 26), "House.DoubledWord", "stylecheck"],
        [1, byte_column(line1, 19), byte_column(line1, 24), "House.DoubledWord", "stylecheck"],
    ]
    assert "Replace 'an an' with 'an' (House.DoubledWord)" in result["titles"]
    assert result["lines"] == ["Café 🎉 owners said the the plan works.", "Naïve 👩‍👩‍👧 voters an owl."]
    assert result["ok_after"] is True
    assert result["after"] == [[0, byte_column(line0, 19), byte_column(line0, 26), "House.DoubledWord", "stylecheck"]]
