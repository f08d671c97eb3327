// bot.conf: a TOML file, overridden by SCHEDULER_BOT_<SECTION>_<KEY> environment variables.
