// Front ends: console, replay, and chat networks. They move text in and out, nothing else.
