package main

import "github.com/alecthomas/kong"

// extraCommands adds the commands defined outside the CLI struct, one file
// each: shell completion, the man page and the configuration file. They
// come last in the help.
func extraCommands() kong.Option {
	opts := append(extraConfigOptions(),
		kong.DynamicCommand("completion", "Print a shell completion script (bash, zsh or fish).", "", &CompletionCmd{}),
		kong.DynamicCommand("man", "Print the manual page (roff): papers man | man -l -", "", &ManCmd{}),
		kong.DynamicCommand("__complete", "Complete a command line (used by the completion scripts).", "", &completeCmd{}, `hidden:""`),
	)
	return kong.OptionFunc(func(k *kong.Kong) error {
		for _, o := range opts {
			if err := o.Apply(k); err != nil {
				return err
			}
		}
		return nil
	})
}
